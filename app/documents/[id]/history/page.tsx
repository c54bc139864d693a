import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/AppHeader";
import { HistoryView } from "@/components/history/HistoryView";
import { documentIdParam, versionRefParam } from "@/lib/apiSchemas";
import type { VersionRef } from "@/lib/history/historyTypes";
import { requireCurrentUser } from "@/server/auth/currentUser";
import { getDocumentOrThrow } from "@/server/documents/documents";
import { AppError } from "@/server/errors";
import { canNameVersion, canReadNewsroomAudit, canRestoreVersion } from "@/server/policies";
import { findCurrentApproval } from "@/server/workflow/approvals";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string; compare?: string }>;
};

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireCurrentUser(`/documents/${id}/history`);
  const documentId = documentIdParam.safeParse(id);
  if (!documentId.success) notFound();
  let document;
  try {
    document = await getDocumentOrThrow(user, documentId.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const approval = query.compare === "approved" ? await findCurrentApproval(document.id) : null;
  return (
    <>
      <AppHeader user={user} canReadNewsroomAudit={canReadNewsroomAudit(user)} />
      <HistoryView
        documentId={document.id}
        title={document.title}
        canName={canNameVersion(document.role)}
        canRestore={canRestoreVersion(document.role)}
        initialSelected={parseRef(query.version) ?? "current"}
        initialCompareWith={query.compare === "approved" ? null : parseRef(query.compare)}
        approvedContentHash={approval?.contentHash ?? null}
        compareApproved={query.compare === "approved"}
      />
    </>
  );
}

function parseRef(value: string | undefined): VersionRef | null {
  const parsed = versionRefParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
