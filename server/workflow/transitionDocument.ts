// Moves a document through the workflow: validates with the one policy table,
// records the transition (and an approval pinned to the exact content) in the
// same transaction, and pushes the new status to everyone in the document.
import * as Y from "yjs";
import { hasChangedSince } from "../../lib/workflow/hasChangedSince";
import { decideTransition, TRANSITIONS, type WorkflowAction } from "../../lib/workflow/transitions";
import { publishDocumentEvent } from "../collab/documentEvents";
import { getPrisma } from "../db/prisma";
import { contentHash, loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { getDocumentOrThrow } from "../documents/documents";
import { AppError } from "../errors";
import type { Actor } from "../policies";
import { findPublishBlockers } from "../publishing/publishGate";
import { renderArticleHtml } from "../publishing/renderArticleHtml";
import { documentJSONFromYDoc, documentSchema } from "../documents/documentState";
import { figuresOf } from "../publishing/figureBlockers";
import { withLeadFigureFirst } from "../publishing/leadFigure";
import type { Prisma } from "../db/generated/client";
import type { DocumentStatus } from "../db/generated/enums";
import { takeVersion } from "../history/versions";
import { findCurrentApproval, metadataChangedSinceApproval, type ApprovalView } from "./approvals";
import { APPROVED_METADATA_SELECT, metadataHash } from "./approvedMetadata";
import { auditEventData } from "./audit";
import { getLogger } from "../log";
import { queueTransitionEmails } from "../email/transitionEmails";

export const twoPersonRuleEnabled = () => process.env.TWO_PERSON_RULE !== "0";

export async function transitionDocument(
  actor: Actor,
  documentId: string,
  input: { action: WorkflowAction; note?: string | undefined; publishAt?: string | undefined; readerNote?: string | undefined },
) {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  const document = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { status: true, createdById: true } });
  // Approving pins this exact content; the transition's version is taken from it too.
  // Read before deciding: approving an approved piece again needs to know whether it changed.
  const approvedDoc = input.action === "approve" ? await loadCurrentDocument(documentId) : undefined;
  try {
    const decision = decideTransition({
      action: input.action,
      status: document.status,
      newsroomRole: actor.role,
      documentRole: role,
      isAuthor: document.createdById === actor.id,
      twoPersonRule: twoPersonRuleEnabled(),
      approvalFresh: approvedDoc ? await isApprovalFresh(documentId, approvedDoc) : false,
      note: input.note,
    });
    if (!decision.ok) throw new AppError(decision.kind === "invalid" ? "unprocessable" : decision.kind, decision.reason);
    const approval = approvedDoc && { contentHash: contentHash(approvedDoc), stateVector: new Uint8Array(Y.encodeStateVector(approvedDoc)) };
    return await recordTransition(actor, documentId, input, { from: document.status, to: decision.to }, approval, approvedDoc);
  } finally {
    approvedDoc?.destroy();
  }
}

/** An approval is in force and neither `doc` (the current text) nor the headline, dek, byline or slug moved past it. */
async function isApprovalFresh(documentId: string, doc: Y.Doc): Promise<boolean> {
  const approval = await findCurrentApproval(documentId);
  if (approval === null || hasChangedSince(Y.encodeStateVector(doc), Buffer.from(approval.stateVector, "base64"))) return false;
  return !(await metadataChangedSinceApproval(documentId, approval));
}

async function recordTransition(
  actor: Actor,
  documentId: string,
  input: { action: WorkflowAction; note?: string | undefined; publishAt?: string | undefined; readerNote?: string | undefined },
  change: { from: DocumentStatus; to: DocumentStatus },
  approval: { contentHash: string; stateVector: Uint8Array<ArrayBuffer> } | undefined,
  approvedDoc: Y.Doc | undefined,
) {
  const publication = input.action === "publish" ? await preparePublication(actor, documentId, input) : undefined;

  const details = {
    from: change.from,
    to: change.to,
    ...(input.note ? { note: input.note } : {}),
    ...(input.readerNote?.trim() ? { readerNote: input.readerNote.trim() } : {}),
    ...(approval ? { contentHash: approval.contentHash } : {}),
    ...(publication ? { version: publication.version, publishAt: publication.publishAt.toISOString() } : {}),
  };
  await getPrisma().$transaction(async (tx) => {
    // Conditional on the status we decided from: a concurrent transition wins, this one is refused.
    const changed = await tx.document.updateMany({
      where: { id: documentId, status: change.from },
      data: {
        status: change.to,
        // Kept after a later publish: that publication, created after it, supersedes it once visible.
        ...(input.action === "unpublish" ? { unpublishedAt: new Date(), unpublishedReaderNote: input.readerNote?.trim() || null } : {}),
      },
    });
    if (changed.count !== 1) throw new AppError("conflict", "The document's status changed meanwhile; reload and try again");
    // Read after the update above, which holds the document's row until commit: a
    // concurrent metadata change lands either before this read or after this
    // transition (and then makes the approval stale, or is refused below).
    const metadata = approval || publication ? await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: APPROVED_METADATA_SELECT }) : undefined;
    if (publication && metadataHash(metadata!) !== publication.metadataHash) {
      throw new AppError("conflict", "The headline, dek, byline or slug changed while publishing; approve it again");
    }
    await tx.auditEvent.create({ data: auditEventData({ actorId: actor.id, documentId, action: input.action, details }) });
    if (approval) await tx.approval.create({ data: { documentId, approverId: actor.id, ...approval, metadataHash: metadataHash(metadata!) } });
    // The unique (document, version) index makes a concurrent second publish of the same version fail.
    if (publication) {
      const { mediaHashes, metadataHash: _renderedMetadata, ...row } = publication;
      const created = await tx.publication.create({ data: row, select: { id: true } });
      // The images this publication shows become public with it (server/media/media.ts).
      if (mediaHashes.length > 0) await tx.publicationMedia.createMany({ data: mediaHashes.map((hash) => ({ publicationId: created.id, hash })) });
    }
    await queueTransitionEmails(tx, { action: input.action, actorId: actor.id, documentId, detail: emailDetail(input, publication) });
    // Back to writing: earlier approvals are no longer in force.
    if (change.to === "draft" || change.to === "spiked") {
      await tx.approval.updateMany({ where: { documentId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
  });

  const done = TRANSITIONS[input.action].doneLabel;
  const versionName = publication ? `${done} (version ${publication.version})` : done;
  // The transition has happened; a failed checkpoint is logged rather than reported as a failed transition.
  await takeVersion(documentId, { kind: "transition", name: versionName, createdById: actor.id }, approvedDoc).catch((error) =>
    getLogger().error({ component: "history", documentId, userId: actor.id, err: error }, "transition checkpoint failed"),
  );

  const summary = await getDocumentOrThrow(actor, documentId);
  publishDocumentEvent(documentId, { type: "document", title: summary.title, reviewMode: summary.reviewMode, status: summary.status });
  return { document: summary, approval: await findCurrentApproval(documentId) };
}

/** What the email says beyond its subject: the note, or which version goes live when. */
function emailDetail(input: { note?: string | undefined }, publication: { version: number; publishAt: Date } | undefined): string | undefined {
  if (publication) {
    const scheduled = publication.publishAt.getTime() > Date.now() + 60_000 ? `, scheduled for ${publication.publishAt.toUTCString()}` : "";
    return `Version ${publication.version}${scheduled}${input.note?.trim() ? `. Note: ${input.note.trim()}` : ""}`;
  }
  return input.note?.trim() || undefined;
}

function metadataChangedSince(approval: ApprovalView | null, meta: Parameters<typeof metadataHash>[0]): boolean {
  return approval === null || approval.metadataHash !== metadataHash(meta);
}

/** Checks the publish gate and renders the immutable publication (not yet stored). */
async function preparePublication(actor: Actor, documentId: string, input: { note?: string | undefined; publishAt?: string | undefined }) {
  const doc = await loadCurrentDocument(documentId);
  try {
    const approval = await findCurrentApproval(documentId);
    const blockers = await findPublishBlockers(documentId, doc, approval);
    if (blockers.length > 0) throw new AppError("conflict", "Publishing is blocked", { blockers });
    const previous = await getPrisma().publication.findFirst({ where: { documentId }, orderBy: { version: "desc" }, select: { version: true } });
    if (previous && !input.note?.trim()) throw new AppError("unprocessable", "Republishing needs a correction or update note");
    const meta = await getPrisma().document.findUniqueOrThrow({
      where: { id: documentId },
      select: { ...APPROVED_METADATA_SELECT, section: true, tags: true, byline: { select: { name: true } } },
    });
    // The gate compared the approval with the metadata as it was then; this is what is rendered.
    if (metadataChangedSince(approval, meta)) throw new AppError("conflict", "The headline, dek, byline or slug changed while publishing; approve it again");
    const json = documentJSONFromYDoc(doc);
    // The gate made sure every figure shows an image uploaded to this document.
    const mediaHashes = [...new Set(figuresOf(documentSchema().nodeFromJSON(json)).map((figure) => figure.hash))];
    return {
      mediaHashes,
      /** What the transaction checks the row against before it stores the publication. */
      metadataHash: metadataHash(meta),
      documentId,
      version: (previous?.version ?? 0) + 1,
      slug: meta.slug!,
      headline: meta.headline!,
      dek: meta.dek,
      bylineName: meta.byline!.name,
      section: meta.section,
      tags: meta.tags,
      html: renderArticleHtml(withLeadFigureFirst(json)),
      json: json as Prisma.InputJsonValue,
      contentHash: contentHash(doc),
      note: input.note?.trim() || null,
      publisherId: actor.id,
      publishAt: input.publishAt ? new Date(input.publishAt) : new Date(),
    };
  } finally {
    doc.destroy();
  }
}
