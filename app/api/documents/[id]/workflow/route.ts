import { NextResponse } from "next/server";
import { documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import * as Y from "yjs";
import { hasChangedSince } from "@/lib/workflow/hasChangedSince";
import { loadCurrentDocument } from "@/server/documents/currentContent";
import { getDocumentOrThrow } from "@/server/documents/documents";
import { getPrisma } from "@/server/db/prisma";
import { findPublishBlockers } from "@/server/publishing/publishGate";
import { findCurrentApproval } from "@/server/workflow/approvals";
import { twoPersonRuleEnabled } from "@/server/workflow/transitionDocument";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const document = await getDocumentOrThrow(user, documentId);
  const approval = await findCurrentApproval(documentId);
  const current = await loadCurrentDocument(documentId);
  const changedSinceApproval = approval ? hasChangedSince(Y.encodeStateVector(current), Buffer.from(approval.stateVector, "base64")) : false;
  // What stands between this document and publishing, listed exactly as the server will enforce it.
  const publishBlockers = document.status === "approved" ? await findPublishBlockers(documentId, current) : [];
  current.destroy();
  const latest = await getPrisma().publication.findFirst({
    where: { documentId },
    orderBy: { version: "desc" },
    select: { version: true, slug: true, publishAt: true },
  });
  return NextResponse.json({
    status: document.status,
    approval,
    changedSinceApproval,
    publishBlockers,
    latestPublication: latest ? { version: latest.version, url: `/p/${latest.slug}`, publishAt: latest.publishAt.toISOString() } : null,
    twoPersonRule: twoPersonRuleEnabled(),
  });
});
