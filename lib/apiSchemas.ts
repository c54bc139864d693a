// zod schemas for HTTP bodies, shared by route handlers and the browser forms.
import { z } from "zod";
import { EXPORT_FORMATS, IMPORT_FORMATS } from "./importExport";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./workflow/slug";
import { AUDIT_PAGE_SIZE, MAX_ANCHOR_BYTES, MAX_AUDIT_PAGE_SIZE, MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH, MAX_TITLE_LENGTH, MAX_VERSION_NAME_LENGTH } from "./limits";

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
    /** unpublish only: what readers read on the withdrawn (410) page; the note (reason) stays with editors. */
    readerNote: z.string().trim().max(500, "A note for readers must be at most 500 characters").optional(),
  })
  .strict()
  .refine((body) => body.readerNote === undefined || body.action === "unpublish", { message: "A note for readers goes with unpublish only", path: ["readerNote"] });

/** Path segment of a version: 1, 2, 3 … */
export const versionNumberParam = z.coerce.number().int().positive().max(2_147_483_647);

export const nameVersionBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the version a name, such as “Sent to legal”")
    .max(MAX_VERSION_NAME_LENGTH, `A version name must be at most ${MAX_VERSION_NAME_LENGTH} characters`),
});

/** A version number, or "current" for the text as it is now. */
export const versionRefParam = z.union([z.literal("current"), versionNumberParam], { error: "Use a version number or “current”" });

export const compareVersionsQuery = z.object({ from: versionRefParam, to: versionRefParam.default("current") });
/**
 * `GET /api/audit` query: newest first, older pages through `before` (the last
 * event's id, as `nextCursor` gives it, or an ISO 8601 time), optional filters.
 */
export const newsroomAuditQuery = z
  .object({
    before: z
      .union([z.uuid(), z.iso.datetime({ offset: true })], {
        error: "before must be an audit event id or an ISO 8601 time such as 2026-11-25T12:00:00Z",
      })
      .optional(),
    limit: z.coerce
      .number({ error: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE_SIZE}` })
      .int(`limit must be a whole number from 1 to ${MAX_AUDIT_PAGE_SIZE}`)
      .min(1, `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE_SIZE}`)
      .max(MAX_AUDIT_PAGE_SIZE, `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE_SIZE}`)
      .default(AUDIT_PAGE_SIZE),
    // Open-ended on purpose: new kinds of events appear over time (the name is matched exactly).
    action: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "action must be an audit action name such as approve or thread_resolved").optional(),
    documentId: z.uuid("documentId must be a document id").optional(),
  })
  .strict();
export type NewsroomAuditQuery = z.infer<typeof newsroomAuditQuery>;

/** The settings page: one switch for now (email notifications). */
export const updateSettingsBody = z.object({ emailNotifications: z.boolean() }).strict();
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;
