"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useState } from "react";
import { STATUS_LABELS, type DocumentSummary, type PresentUser } from "@/lib/documentTypes";
import { PresenceAvatars } from "../PresenceAvatars";
import type { ConnectionState } from "./collabSession";
import { ConnectionStatus } from "./ConnectionStatus";
import { DocumentTitleField } from "./DocumentTitleField";

// Browser only: a server render would import a second copy of yjs.
const CollaborativeEditor = dynamic(() => import("./CollaborativeEditor"), {
  ssr: false,
  loading: () => <p className="editor-loading">Loading editor…</p>,
});

export function DocumentWorkspace({ document, user, readOnly, canRename }: { document: DocumentSummary; user: PresentUser; readOnly: boolean; canRename: boolean }) {
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [people, setPeople] = useState<PresentUser[]>([user]);
  const onConnectionChange = useCallback((state: ConnectionState) => setConnection(state), []);
  const onPresenceChange = useCallback((users: PresentUser[]) => setPeople(users), []);

  return (
    <main id="main" className="editor-shell">
      <div className="editor-topbar">
        <Link href="/" className="back-link">
          ← All documents
        </Link>
        <span className={`status-chip ${document.status}`}>{STATUS_LABELS[document.status]}</span>
        <span className="spacer" />
        <PresenceAvatars users={people} label="People in this document" />
        <ConnectionStatus state={connection} />
      </div>
      <DocumentTitleField documentId={document.id} initialTitle={document.title} canRename={canRename} />
      {readOnly && (
        <p className="readonly-banner" role="note">
          You can read this document and see who is here, but your role ({document.role}) can't change it.
        </p>
      )}
      <CollaborativeEditor
        documentId={document.id}
        documentTitle={document.title}
        user={user}
        readOnly={readOnly}
        onConnectionChange={onConnectionChange}
        onPresenceChange={onPresenceChange}
      />
    </main>
  );
}
