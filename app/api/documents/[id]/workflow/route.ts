import { NextResponse } from "next/server";
import { documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import * as Y from "yjs";
import { hasChangedSince } from "@/lib/workflow/hasChangedSince";
import { loadCurrentDocument } from "@/server/documents/currentContent";
import { getDocumentOrThrow } from "@/server/documents/documents";
import { findCurrentApproval, twoPersonRuleEnabled } from "@/server/workflow/transitionDocument";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const document = await getDocumentOrThrow(user, documentId);
  const approval = await findCurrentApproval(documentId);
  let changedSinceApproval = false;
  if (approval) {
    const current = await loadCurrentDocument(documentId);
    changedSinceApproval = hasChangedSince(Y.encodeStateVector(current), Buffer.from(approval.stateVector, "base64"));
    current.destroy();
  }
  return NextResponse.json({ status: document.status, approval, changedSinceApproval, twoPersonRule: twoPersonRuleEnabled() });
});
