// The emails a workflow transition sends, queued in the transition's transaction.
import type { WorkflowAction } from "../../lib/workflow/transitions";
import type { Prisma } from "../db/generated/client";
import type { EmailNotificationKind } from "../db/generated/enums";
import { bylineAndEditorIds, documentAuthorIds, newsroomEditorIds } from "./emailRecipients";
import { emailEnabled } from "./emailSettings";
import { queueEmails } from "./queueEmails";

const TRANSITION_EMAILS: Partial<Record<WorkflowAction, { kind: EmailNotificationKind; recipients: (documentId: string, db: Prisma.TransactionClient) => Promise<string[]> }>> = {
  submit: { kind: "submitted", recipients: (_documentId, db) => newsroomEditorIds(db) },
  request_changes: { kind: "changes_requested", recipients: documentAuthorIds },
  publish: { kind: "published", recipients: bylineAndEditorIds },
  unpublish: { kind: "unpublished", recipients: bylineAndEditorIds },
};

export async function queueTransitionEmails(
  db: Prisma.TransactionClient,
  event: { action: WorkflowAction; actorId: string; documentId: string; detail?: string | null | undefined },
): Promise<void> {
  const rule = TRANSITION_EMAILS[event.action];
  if (!rule || !emailEnabled()) return;
  await queueEmails(await rule.recipients(event.documentId, db), { kind: rule.kind, actorId: event.actorId, documentId: event.documentId, detail: event.detail }, db);
}
