import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/AppHeader";
import { DocumentWorkspace } from "@/components/editor/DocumentWorkspace";
import { documentIdParam } from "@/lib/apiSchemas";
import { userColor } from "@/lib/userColor";
import { requireCurrentUser } from "@/server/auth/currentUser";
import { getDocumentOrThrow } from "@/server/documents/documents";
import { AppError } from "@/server/errors";
import { canReadNewsroomAudit } from "@/server/policies";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function loadDocument(rawId: string, returnTo: string) {
  const user = await requireCurrentUser(returnTo);
  const id = documentIdParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return { user, document: await getDocumentOrThrow(user, id.data) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { document } = await loadDocument(id, `/documents/${id}`);
  return { title: document.title };
}

export default async function DocumentPage({ params }: Props) {
  const { id } = await params;
  const { user, document } = await loadDocument(id, `/documents/${id}`);
  return (
    <>
      <AppHeader user={user} canReadNewsroomAudit={canReadNewsroomAudit(user)} />
      <DocumentWorkspace
        document={document}
        user={{ id: user.id, name: user.name, color: userColor(user.id) }}
        newsroomRole={user.role}
      />
    </>
  );
}
