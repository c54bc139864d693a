import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/AppHeader";
import { NewsroomAuditLog, type AuditFilters } from "@/components/audit/NewsroomAuditLog";
import { newsroomAuditQuery } from "@/lib/apiSchemas";
import { AUDIT_PAGE_SIZE } from "@/lib/limits";
import { requireCurrentUser } from "@/server/auth/currentUser";
import { listDocuments } from "@/server/documents/documents";
import { canReadNewsroomAudit } from "@/server/policies";
import { listNewsroomAudit } from "@/server/workflow/audit";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filters from the address (`?action=…&documentId=…`); a malformed one is left out rather than failing the page. */
function filtersFrom(params: Record<string, string | string[] | undefined>): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of ["action", "documentId"] as const) {
    const parsed = newsroomAuditQuery.shape[key].safeParse(params[key]);
    if (parsed.success && parsed.data) filters[key] = parsed.data;
  }
  return filters;
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireCurrentUser("/audit");
  const allowed = canReadNewsroomAudit(user);
  const header = <AppHeader user={user} canReadNewsroomAudit={allowed} current="activity" />;
  if (!allowed) {
    return (
      <>
        {header}
        <main id="main" className="page">
          <h1 className="page-title">Activity</h1>
          <div className="empty-state audit-denied-box" role="note">
            <p className="audit-denied">Only editors can see the newsroom audit log.</p>
            <p>It records who submitted, approved, published and shared every piece. Ask a newsroom editor if you need something from it.</p>
            <Link href="/" className="button">
              Back to documents
            </Link>
          </div>
        </main>
      </>
    );
  }

  const filters = filtersFrom(await searchParams);
  const [firstPage, documents] = await Promise.all([listNewsroomAudit(user, { limit: AUDIT_PAGE_SIZE, ...filters }), listDocuments(user)]);
  return (
    <>
      {header}
      <main id="main" className="page">
        <h1 className="page-title">Activity</h1>
        <p className="page-subtitle">The newsroom&apos;s audit log: who submitted, approved, published, shared and resolved what, newest first.</p>
        <NewsroomAuditLog
          initialPage={firstPage}
          initialFilters={filters}
          documents={documents.map((document) => ({ id: document.id, title: document.title })).sort((a, b) => a.title.localeCompare(b.title))}
        />
      </main>
    </>
  );
}
