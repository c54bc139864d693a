// One human sentence per audit event — "Maria Keller approved", "Ayşe Demir
// resolved a thread: “the largest of the war”" — used by the per-document
// panel and the newsroom Activity page alike. Pure: no clock, no locale, so
// the server render and the browser agree.
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from "../workflow/transitions";
import type { AuditEventView } from "./auditTypes";

type DescribableEvent = Pick<AuditEventView, "action" | "actor" | "details" | "subject" | "createdAt">;

export type AuditDescription = {
  /** What the actor did, without their name: "approved", "published version 2". */
  text: string;
  /** A note the actor wrote (request changes, correction), shown as a quotation. */
  note: string | null;
  /** The text a comment thread is about. */
  quote: string | null;
  /** The whole event as one plain sentence, for titles, screen readers and tests. */
  sentence: string;
};

/** The actions the server records today, with a label for filters ("Approved"). */
export const KNOWN_AUDIT_ACTIONS = {
  ...(Object.fromEntries(WORKFLOW_ACTIONS.map((action) => [action, TRANSITIONS[action].doneLabel])) as Record<WorkflowAction, string>),
  thread_resolved: "Thread resolved",
  thread_open: "Thread reopened",
  member_role_set: "Access granted or changed",
  member_removed: "Access removed",
  version_restored: "Version restored",
  import: "Imported",
} as const satisfies Record<string, string>;

export type KnownAuditAction = keyof typeof KNOWN_AUDIT_ACTIONS;

const MAX_QUOTE = 80;
const IMPORT_FORMATS: Record<string, string> = { markdown: "Markdown", html: "HTML", text: "plain text" };
// A publication whose time is this far after the click was scheduled, not published at once.
const SCHEDULED_AFTER_MS = 60_000;

export function describeAuditEvent(event: DescribableEvent): AuditDescription {
  const note = text(event.details.note);
  const quote = text(event.details.quote);
  const described = describeAction(event) ?? describeUnknown(event);
  const shortQuote = quote ? shorten(quote, MAX_QUOTE) : null;
  const sentence =
    `${event.actor.name} ${described}` + (shortQuote ? `: “${shortQuote}”` : "") + (note ? ` — note: “${note}”` : "");
  return { text: described, note, quote: shortQuote, sentence };
}

function describeAction(event: DescribableEvent): string | null {
  const { details } = event;
  const person = event.subject?.name ?? "a former member";
  switch (event.action) {
    case "submit":
      return "submitted for review";
    case "request_changes":
      return "requested changes";
    case "approve":
      // A published piece that changed is approved again before it is republished.
      if (details.from === "published") return "approved changes to the published piece";
      // An approved piece that changed after approval, approved again as it stands.
      return details.from === "approved" ? "approved the changed text again" : "approved";
    case "publish":
      return describePublish(event);
    case "unpublish":
      return "unpublished the piece";
    case "spike":
      return "spiked the piece";
    case "restore":
      // The workflow's "Restore to draft" (from/to statuses); restoring a version is `version_restored`.
      return details.from === "spiked" ? "restored the piece to draft" : null;
    case "version_restored":
      return typeof details.version === "number"
        ? `restored version ${details.version}` + (typeof details.newVersion === "number" ? ` (now version ${details.newVersion})` : "")
        : null;
    case "import": {
      const format = IMPORT_FORMATS[text(details.format) ?? ""] ?? text(details.format);
      const fileName = text(details.fileName);
      const source = [format, fileName && `“${shorten(fileName, 60)}”`].filter(Boolean).join(", ");
      return source ? `imported the document (${source})` : "imported the document";
    }
    case "thread_resolved":
      return "resolved a thread";
    case "thread_open":
      return "reopened a thread";
    case "member_role_set":
      // Recorded for adding someone and for changing their role alike.
      return text(details.role) ? `set ${person}'s role to ${text(details.role)}` : null;
    case "member_removed":
      return `removed ${person} from the document`;
    default:
      return null;
  }
}

function describePublish(event: DescribableEvent): string {
  const version = typeof event.details.version === "number" ? ` version ${event.details.version}` : "";
  const publishAt = text(event.details.publishAt);
  const at = publishAt ? Date.parse(publishAt) : NaN;
  if (!Number.isNaN(at) && at - Date.parse(event.createdAt) > SCHEDULED_AFTER_MS) {
    return `scheduled${version || " the piece"} to go live ${formatUtc(at)}`;
  }
  return `published${version || " the piece"}`;
}

/** Actions this code does not know yet (added later: imports, named versions…): their name and simple details. */
function describeUnknown(event: DescribableEvent): string {
  const facts = Object.entries(event.details)
    .filter(([key, value]) => key !== "note" && key !== "quote" && !/id$/i.test(key) && ["string", "number", "boolean"].includes(typeof value))
    .slice(0, 4)
    .map(([key, value]) => `${humanize(key)}: ${shorten(String(value), 60)}`);
  return `recorded “${humanize(event.action)}”` + (facts.length > 0 ? ` (${facts.join(", ")})` : "");
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

const shorten = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value);

/** `version_named` → "version named", `publishAt` → "publish at". */
const humanize = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();

// UTC, spelled out: the same on the server and in every browser, and unambiguous in a log.
const formatUtc = (time: number) =>
  `${new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(time)} UTC`;
