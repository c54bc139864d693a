"use client";

// The Tiptap editor bound to the document's Y.Doc, with the review sidebar.
// Loaded only in the browser (next/dynamic with ssr: false) so yjs is
// imported exactly once.
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/editor/documentExtensions";
import { isSuggesting, SuggestionMode } from "@/lib/editor/suggestions/SuggestionMode";
import type { DocumentRoleName, PresentUser } from "@/lib/documentTypes";
import type { DocumentEvent, ThreadView } from "@/lib/review/reviewTypes";
import { ReviewSidebar, type DraftComment } from "../review/ReviewSidebar";
import { SuggestionsPanel } from "../review/SuggestionsPanel";
import { requestJson, type DirectoryUser } from "../review/reviewApi";
import { useThreads } from "../review/useThreads";
import { createCollabSession, type CollabSession, type ConnectionState } from "./collabSession";
import { hasChangedSince } from "@/lib/workflow/hasChangedSince";
import * as Y from "yjs";
import { EditorToolbar } from "./EditorToolbar";
import { UploadStatus } from "./media/UploadStatus";
import { useImageUploads } from "./media/useImageUploads";
import { TextSelection } from "@tiptap/pm/state";
import { WordCount } from "./WordCount";
import { anchorFromSelection, resolveAnchor } from "./review/anchors";
import { CommentHighlights, commentHighlightsKey } from "./review/CommentHighlights";
import { renderRemoteCaret } from "./renderRemoteCaret";

export type CollaborativeEditorProps = {
  documentId: string;
  documentTitle: string;
  user: PresentUser;
  role: DocumentRoleName;
  onConnectionChange: (state: ConnectionState) => void;
  onPresenceChange: (users: PresentUser[]) => void;
  onDocumentEvent: (event: DocumentEvent) => void;
  /** Base64 state vector pinned by the approval in force, if any. */
  approvedStateVector: string | null;
  onChangedSinceApproval: (changed: boolean | null) => void;
};

export default function CollaborativeEditor(props: CollaborativeEditorProps) {
  const [session, setSession] = useState<CollabSession | null>(null);
  // Bumped to start over from the server's state (after a refused update).
  const [generation, setGeneration] = useState(0);
  const [resyncReason, setResyncReason] = useState<string | null>(null);
  const { documentId, onConnectionChange, onDocumentEvent } = props;
  const userId = props.user.id;

  // Created in an effect (not during render) so React's double-invoked
  // renders in development never open a second socket.
  useEffect(() => {
    const created = createCollabSession(documentId, userId);
    setSession(created);
    onConnectionChange(created.getState());
    const unsubscribe = created.subscribe(onConnectionChange);
    const unsubscribeEvents = created.onDocumentEvent((event) => {
      if (event.type === "update-refused") {
        // Our copy now holds an edit nobody else has: drop it, the browser's
        // stored copy included (it would send the edit again), and reload from the server.
        setResyncReason(event.reason);
        void created.discardLocalCopy().finally(() => setGeneration((value) => value + 1));
        return;
      }
      onDocumentEvent(event);
    });
    return () => {
      unsubscribe();
      unsubscribeEvents();
      created.destroy();
      setSession(null);
    };
  }, [documentId, userId, onConnectionChange, onDocumentEvent, generation]);

  if (!session) return <p className="editor-loading">Connecting to the document…</p>;
  return (
    <>
      {resyncReason && (
        <p className="readonly-banner" role="alert">
          The server did not accept your last change ({resyncReason}); the document was reloaded.
        </p>
      )}
      <BoundEditor key={`${documentId}:${generation}`} session={session} {...props} />
    </>
  );
}

function BoundEditor({
  session,
  documentId,
  documentTitle,
  user,
  role,
  onPresenceChange,
  approvedStateVector,
  onChangedSinceApproval,
}: CollaborativeEditorProps & { session: CollabSession }) {
  // Viewers and commenters cannot change text; suggesters can, but only as suggestions.
  const readOnly = role === "viewer" || role === "commenter";
  const canComment = role !== "viewer";
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const [draft, setDraft] = useState<DraftComment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [users, setUsers] = useState<DirectoryUser[]>([]);
  const onEvent = useCallback((listener: (event: DocumentEvent) => void) => session.onDocumentEvent(listener), [session]);
  const { threads, error: threadsError, upsert, remove } = useThreads(documentId, onEvent);
  const startComment = useRef<() => void>(() => {});
  // Paste and drop handlers are created with the editor; they call the latest upload function.
  const dropImages = useRef<(files: File[]) => boolean>(() => false);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        ...documentExtensions(),
        Placeholder.configure({ placeholder: "Start writing…" }),
        Collaboration.configure({ document: session.doc, field: DOCUMENT_FRAGMENT }),
        CollaborationCaret.configure({ provider: session.provider, user: { name: user.name, color: user.color }, render: renderRemoteCaret }),
        SuggestionMode.configure({
          enabled: role === "suggester",
          author: { id: user.id, name: user.name },
          onBlockedEdit: (reason) => setNotice(`Not possible while suggesting: ${reason}`),
        }),
        CommentHighlights.configure({
          onActivate: (threadId) => setActiveThreadId(threadId),
          onCommentShortcut: () => startComment.current(),
        }),
      ],
      editorProps: {
        handlePaste: (_view, event) => dropImages.current([...(event.clipboardData?.files ?? [])]),
        handleDrop: (view, event, _slice, moved) => {
          const files = [...(event.dataTransfer?.files ?? [])];
          if (moved || files.length === 0) return false;
          // Insert where the image was dropped.
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
          return dropImages.current(files);
        },
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

  const suggesting = useEditorState({ editor, selector: ({ editor: current }) => (current ? isSuggesting(current.state) : false) }) ?? false;
  const images = useImageUploads(editor, documentId);
  // Suggesters too: the figure goes in as their suggestion (lib/editor/suggestions/suggestStructure.ts).
  const canInsertImages = !readOnly;
  dropImages.current = (files) => {
    if (!files.some((file) => file.type.startsWith("image/"))) return false;
    if (!canInsertImages) {
      setNotice("You cannot change this document.");
      return true;
    }
    return images.uploadFiles(files);
  };

  startComment.current = () => {
    if (!editor || !canComment) return;
    const selected = anchorFromSelection(editor.state);
    if (!selected) {
      setNotice("Select the text you want to comment on first.");
      return;
    }
    setNotice(null);
    setDraft(selected);
  };

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  // Suggesters always suggest (the server refuses anything else from them).
  useEffect(() => {
    if (editor && role === "suggester") editor.commands.setSuggesting(true);
  }, [editor, role]);

  useEffect(() => {
    void requestJson<{ users: DirectoryUser[] }>("/api/users").then(({ users: loaded }) => setUsers(loaded), () => {});
  }, []);

  // Keep the highlights in step with the open threads and the active one. A resolved thread's
  // phrase is not highlighted for anyone; while its card is active, a faint underline shows where it was.
  useEffect(() => {
    if (!editor) return;
    const shown = threads
      .filter((thread) => thread.status === "open" || thread.id === activeThreadId)
      .map((thread) => ({ id: thread.id, anchor: thread.anchor, resolved: thread.status === "resolved" }));
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads: shown, activeId: activeThreadId }).setMeta("addToHistory", false));
  }, [editor, threads, activeThreadId]);

  // Deep link from "For you" on another document: #thread-<id>.
  useEffect(() => {
    const match = /^#thread-([0-9a-f-]{36})$/.exec(window.location.hash);
    if (match) setActiveThreadId(match[1]!);
  }, []);

  const activate = useCallback(
    (threadId: string | null) => {
      setActiveThreadId(threadId);
      const thread = threads.find((candidate) => candidate.id === threadId);
      const range = thread && editor ? resolveAnchor(editor.state, thread.anchor) : null;
      if (range && editor) {
        const dom = editor.view.domAtPos(range.from).node;
        (dom instanceof Element ? dom : dom.parentElement)?.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    },
    [threads, editor],
  );

  // "Changed since approval": any edit that moves the document past the approved state vector.
  useEffect(() => {
    if (!approvedStateVector) {
      onChangedSinceApproval(null);
      return;
    }
    const pinned = Uint8Array.from(atob(approvedStateVector), (char) => char.charCodeAt(0));
    const check = () => {
      if (session.provider.synced) onChangedSinceApproval(hasChangedSince(Y.encodeStateVector(session.doc), pinned));
    };
    check();
    session.doc.on("update", check);
    session.provider.on("sync", check);
    return () => {
      session.doc.off("update", check);
      session.provider.off("sync", check);
    };
  }, [session, approvedStateVector, onChangedSinceApproval]);

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

  const permissionsFor = useCallback(
    (thread: ThreadView) => ({ canComment, canResolve: role === "editor" || (canComment && thread.author.id === user.id) }),
    [canComment, role, user.id],
  );

  return (
    <div className="workspace-grid">
      <div className="editor-card">
        <EditorToolbar
          editor={editor}
          // While suggesting, formatting and structure become suggestions too (lib/editor/suggestions/).
          canFormat={!readOnly}
          canComment={canComment}
          onComment={() => startComment.current()}
          mode={readOnly ? null : { suggesting, locked: role === "suggester", onChange: (next) => editor?.commands.setSuggesting(next) }}
          onPickImages={(files) => dropImages.current(files)}
        />
        <UploadStatus uploads={images.uploads} error={images.error} onDismiss={images.dismissError} />
        {notice && (
          <p className="toolbar-notice" role="status">
            {notice}
          </p>
        )}
        {editor ? <EditorContent editor={editor} /> : <p className="editor-loading">Loading editor…</p>}
        <WordCount editor={editor} />
      </div>
      <ReviewSidebar
        documentId={documentId}
        editor={editor}
        threads={threads}
        threadsError={threadsError}
        currentUserId={user.id}
        users={users}
        canComment={canComment}
        permissionsFor={permissionsFor}
        activeThreadId={activeThreadId}
        onActivate={activate}
        draft={draft}
        onDraftDone={() => setDraft(null)}
        onThreadChanged={(thread, threadId) => (thread ? upsert(thread) : remove(threadId))}
        onDocumentEvent={onEvent}
      >
        <SuggestionsPanel editor={editor} currentUserId={user.id} canReview={role === "editor"} />
      </ReviewSidebar>
    </div>
  );
}
