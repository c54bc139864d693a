// zod schemas for HTTP bodies, shared by route handlers and the browser forms.
import { z } from "zod";
import { MAX_TITLE_LENGTH } from "./limits";

export const documentTitle = z
  .string()
  .trim()
  .min(1, "Title must not be empty")
  .max(MAX_TITLE_LENGTH, `Title must be at most ${MAX_TITLE_LENGTH} characters`);

export const createDocumentBody = z.object({ title: documentTitle }).strict();
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

export const updateDocumentBody = z.object({ title: documentTitle }).strict();
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const documentIdParam = z.uuid("Not a document id");
