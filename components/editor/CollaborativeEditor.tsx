"use client";

// The Tiptap editor bound to the document's Y.Doc. Loaded only in the browser
// (next/dynamic with ssr: false) so yjs is imported exactly once.
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/editor/documentExtensions";
import type { PresentUser } from "@/lib/documentTypes";
import { createCollabSession, type CollabSession, type ConnectionState } from "./collabSession";
import { EditorToolbar } from "./EditorToolbar";

export type CollaborativeEditorProps = {
  documentId: string;
  documentTitle: string;
  user: PresentUser;
  readOnly: boolean;
  onConnectionChange: (state: ConnectionState) => void;
  onPresenceChange: (users: PresentUser[]) => void;
};

export default function CollaborativeEditor(props: CollaborativeEditorProps) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { documentId, onConnectionChange } = props;

  // Created in an effect (not during render) so React's double-invoked
  // renders in development never open a second socket.
  useEffect(() => {
    const created = createCollabSession(documentId);
    setSession(created);
    onConnectionChange(created.getState());
    const unsubscribe = created.subscribe(onConnectionChange);
    return () => {
      unsubscribe();
      created.destroy();
      setSession(null);
    };
  }, [documentId, onConnectionChange]);

  if (!session) return <p className="editor-loading">Connecting to the document…</p>;
  return <BoundEditor key={documentId} session={session} {...props} />;
}

function BoundEditor({ session, documentTitle, user, readOnly, onPresenceChange }: CollaborativeEditorProps & { session: CollabSession }) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        ...documentExtensions(),
        Placeholder.configure({ placeholder: "Start writing…" }),
        Collaboration.configure({ document: session.doc, field: DOCUMENT_FRAGMENT }),
        CollaborationCaret.configure({ provider: session.provider, user: { name: user.name, color: user.color } }),
      ],
      editorProps: {
        attributes: {
          "aria-label": `${documentTitle} — document body`,
          "aria-multiline": "true",
          role: "textbox",
          spellcheck: "true",
        },
      },
    },
    [session],
  );

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  // Who is here: everyone with an awareness state, one entry per person.
  useEffect(() => {
    const awareness = session.provider.awareness;
    const publish = () => {
      const people = new Map<string, PresentUser>();
      people.set(user.id, user);
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === session.doc.clientID) continue;
        const other = (state as { user?: Partial<PresentUser> }).user;
        if (other?.id && other.name && other.color) people.set(other.id, { id: other.id, name: other.name, color: other.color });
      }
      onPresenceChange([...people.values()]);
    };
    publish();
    awareness.on("change", publish);
    return () => awareness.off("change", publish);
  }, [session, user, onPresenceChange]);

  return (
    <div className="editor-card">
      <EditorToolbar editor={editor} disabled={readOnly} />
      {editor ? <EditorContent editor={editor} /> : <p className="editor-loading">Loading editor…</p>}
    </div>
  );
}
