// zod schemas for HTTP bodies, shared by route handlers and the browser forms.
import { z } from "zod";
import { EXPORT_FORMATS, IMPORT_FORMATS } from "./importExport";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./workflow/slug";
import { MAX_ANCHOR_BYTES, MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH, MAX_TITLE_LENGTH } from "./limits";

export const documentTitle = z
  .string()
  .trim()
  .min(1, "Title must not be empty")
  .max(MAX_TITLE_LENGTH, `Title must be at most ${MAX_TITLE_LENGTH} characters`);

export const createDocumentBody = z.object({ title: documentTitle }).strict();
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

/** POST /api/documents/import as JSON. Without a title, the content's first heading names the document. */
export const importDocumentBody = z
  .object({
    title: documentTitle.optional(),
    format: z.enum(IMPORT_FORMATS, `The format must be one of ${IMPORT_FORMATS.join(", ")}`),
    content: z.string(),
  })
  .strict();
export type ImportDocumentBody = z.infer<typeof importDocumentBody>;

export const exportFormat = z.enum(EXPORT_FORMATS, `Unknown export format: use ${EXPORT_FORMATS.join(", ")}`);

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`).transform((value) => (value === "" ? null : value)).nullable().optional();

export const updateDocumentBody = z
  .object({
    title: documentTitle.optional(),
    reviewMode: z.boolean().optional(),
    headline: optionalText(200, "The headline"),
    dek: optionalText(400, "The dek"),
    bylineId: z.uuid().nullable().optional(),
    slug: z
      .string()
      .trim()
      .max(MAX_SLUG_LENGTH, `A slug must be at most ${MAX_SLUG_LENGTH} characters`)
      .regex(SLUG_PATTERN, "A slug is lowercase letters, digits and single hyphens, e.g. istanbul-talks")
      .nullable()
      .optional(),
    section: optionalText(60, "The section"),
    tags: z.array(z.string().trim().min(1).max(30, "A tag must be at most 30 characters")).max(10, "At most 10 tags").optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), "Send at least one field to change");
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const documentIdParam = z.uuid("Not a document id");

export const commentBody = z
  .string()
  .trim()
  .min(1, "A comment must not be empty")
  .max(MAX_COMMENT_LENGTH, `A comment must be at most ${MAX_COMMENT_LENGTH} characters`);

const encodedAnchor = z
  .string()
  .max(Math.ceil(MAX_ANCHOR_BYTES / 3) * 4, "Anchor too large")
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Anchor must be base64");

export const createThreadBody = z
  .object({
    anchor: z.object({ start: encodedAnchor, end: encodedAnchor }).strict(),
    quote: z.string().max(MAX_QUOTE_LENGTH, `The quote must be at most ${MAX_QUOTE_LENGTH} characters`),
    body: commentBody,
    assigneeId: z.uuid().nullable().optional(),
  })
  .strict();

export const createCommentBody = z.object({ body: commentBody }).strict();
export const editCommentBody = z.object({ body: commentBody }).strict();

export const updateThreadBody = z
  .object({ status: z.enum(["open", "resolved"]).optional(), assigneeId: z.uuid().nullable().optional() })
  .strict()
  .refine((body) => body.status !== undefined || body.assigneeId !== undefined, "Send a status or assigneeId");

export const DOCUMENT_ROLES = ["viewer", "commenter", "suggester", "editor"] as const;
export const setMemberBody = z.object({ role: z.enum(DOCUMENT_ROLES) }).strict();
export const markNotificationsReadBody = z.object({ ids: z.array(z.uuid()).max(500) }).strict();

export const transitionBody = z
  .object({
    action: z.enum(["submit", "request_changes", "approve", "publish", "unpublish", "spike", "restore"]),
    note: z.string().trim().max(1000, "A note must be at most 1000 characters").optional(),
    /** publish only: when the page becomes visible (scheduled publishing / embargo). */
    publishAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
