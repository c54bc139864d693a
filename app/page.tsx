import type { Metadata } from "next";
import { AppHeader } from "@/components/AppHeader";
import { DocumentDashboard } from "@/components/dashboard/DocumentDashboard";
import { requireCurrentUser } from "@/server/auth/currentUser";
import { presentUsers } from "@/server/collab/presenceRegistry";
import { listDocuments } from "@/server/documents/documents";
import { canCreateDocument, canReadNewsroomAudit } from "@/server/policies";

export const metadata: Metadata = { title: "Documents" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireCurrentUser("/");
  const documents = (await listDocuments(user)).map((document) => ({ ...document, editingNow: presentUsers(document.id) }));
  return (
    <>
      <AppHeader user={user} canReadNewsroomAudit={canReadNewsroomAudit(user)} />
      <main id="main" className="page">
        <h1 className="page-title">Documents</h1>
        <p className="page-subtitle">Drafts and analyses you can open. Click a title to start co-editing.</p>
        <DocumentDashboard
          initialDocuments={documents}
          canCreate={canCreateDocument(user)}
          currentUserId={user.id}
          isNewsroomEditor={user.role === "editor" || user.role === "admin"}
        />
      </main>
    </>
  );
}
