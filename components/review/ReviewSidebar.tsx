"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useMemo, useState, type ReactNode } from "react";
import type { DocumentEvent, NotificationView, ThreadView } from "@/lib/review/reviewTypes";
import { resolveAnchor, type EncodedAnchor } from "../editor/review/anchors";
import { ErrorMessage } from "../ErrorMessage";
import { CommentComposer } from "./CommentComposer";
import { ForYouList } from "./ForYouList";
import { requestJson, type DirectoryUser } from "./reviewApi";
import { ThreadCard, type ThreadPermissions } from "./ThreadCard";
import { useAlignedLayout } from "./useAlignedLayout";

export type ThreadFilter = "open" | "resolved" | "mine" | "mentions";
const FILTERS: { value: ThreadFilter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "mine", label: "Mine" },
  { value: "mentions", label: "Mentioning me" },
];

export type DraftComment = { anchor: EncodedAnchor; quote: string };

function threadMatches(filter: ThreadFilter, thread: ThreadView, userId: string): boolean {
  switch (filter) {
    case "open":
      return thread.status === "open";
    case "resolved":
      return thread.status === "resolved";
    case "mine":
      return thread.author.id === userId || thread.assignee?.id === userId || thread.comments.some((comment) => comment.author.id === userId);
    case "mentions":
      return thread.mentionedUserIds.includes(userId);
  }
}

export function ReviewSidebar(props: {
  documentId: string;
  editor: Editor | null;
  threads: ThreadView[];
  threadsError: string | null;
  currentUserId: string;
  users: DirectoryUser[];
  canComment: boolean;
  permissionsFor: (thread: ThreadView) => ThreadPermissions;
  activeThreadId: string | null;
  onActivate: (threadId: string | null) => void;
  draft: DraftComment | null;
  onDraftDone: () => void;
  onThreadChanged: (thread: ThreadView | null, threadId: string) => void;
  onDocumentEvent: (listener: (event: DocumentEvent) => void) => () => void;
  children?: ReactNode;
}) {
  const [filter, setFilter] = useState<ThreadFilter>("open");
  const { threads, editor, currentUserId } = props;

  // Where each thread's text is now (null: its text was deleted → detached).
  const positions = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current ? threads.map((thread) => resolveAnchor(current.state, thread.anchor)?.from ?? null) : threads.map(() => null),
  });

  const visible = useMemo(() => {
    return threads
      .map((thread, index) => ({ thread, position: positions?.[index] ?? null }))
      .filter(({ thread }) => threadMatches(filter, thread, currentUserId))
      .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER));
  }, [threads, positions, filter, currentUserId]);

  // Open threads sit beside the text they are about; other filters are a plain list.
  const [listView, setListView] = useState(false);
  const aligned = filter === "open" && !listView;
  const { container, cardRef, layout } = useAlignedLayout(
    editor,
    visible.map(({ thread, position }) => ({ id: thread.id, position })),
    aligned,
  );

  const openThread = (notification: NotificationView) => {
    if (notification.document.id !== props.documentId) {
      window.location.assign(`/documents/${notification.document.id}#thread-${notification.threadId}`);
      return;
    }
    const thread = threads.find((candidate) => candidate.id === notification.threadId);
    if (thread) setFilter(thread.status === "resolved" ? "resolved" : "open");
    props.onActivate(notification.threadId);
  };

  return (
    <aside className="review-sidebar" aria-label="Review">
      <ForYouList userId={currentUserId} onDocumentEvent={props.onDocumentEvent} onOpenThread={openThread} />
      {props.children}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="sidebar-heading">
          Comments
        </h2>
        {props.draft && (
          <div className="thread-card draft">
            <header className="thread-quote">
              <q>{props.draft.quote}</q>
            </header>
            <CommentComposer
              label={`New comment on “${props.draft.quote.slice(0, 60)}”`}
              submitLabel="Post comment"
              users={props.users}
              autoFocus
              onCancel={props.onDraftDone}
              onSubmit={async (body) => {
                const thread = await requestJson<ThreadView>(`/api/documents/${props.documentId}/threads`, {
                  method: "POST",
                  body: { anchor: props.draft!.anchor, quote: props.draft!.quote, body },
                });
                props.onThreadChanged(thread, thread.id);
                props.onDraftDone();
                setFilter("open");
                props.onActivate(thread.id);
              }}
            />
          </div>
        )}
        <div className="filters" role="group" aria-label="Show threads">
          {filter === "open" && (
            <button type="button" className="filter" aria-pressed={listView} onClick={() => setListView((value) => !value)} title="Show open threads as a list instead of beside the text">
              List view
            </button>
          )}
          {FILTERS.map((option) => (
            <button
              key={option.value}
              type="button"
              className="filter"
              aria-pressed={filter === option.value}
              onClick={() => setFilter(option.value)}
            >
              {option.label}
              <span className="count">{threads.filter((thread) => threadMatches(option.value, thread, currentUserId)).length}</span>
            </button>
          ))}
        </div>
        <ErrorMessage message={props.threadsError} />
        {visible.length === 0 ? (
          <p className="muted">{props.canComment ? "No threads here. Select text and press + Comment (Ctrl+Alt+M)." : "No threads here."}</p>
        ) : (
          <div
            ref={container}
            className={aligned ? "thread-list aligned" : "thread-list"}
            style={aligned ? { height: layout.height } : undefined}
          >
            {visible.map(({ thread, position }) => (
              <div
                key={thread.id}
                ref={cardRef(thread.id)}
                className="thread-slot"
                style={aligned ? { top: layout.tops[thread.id] ?? 0 } : undefined}
              >
                <ThreadCard
                  thread={thread}
                  detached={position === null}
                  active={thread.id === props.activeThreadId}
                  currentUserId={currentUserId}
                  permissions={props.permissionsFor(thread)}
                  users={props.users}
                  onActivate={() => props.onActivate(thread.id)}
                  onChanged={(next) => props.onThreadChanged(next, thread.id)}
                />
              </div>
            ))}
          </div>
        )}
      </section>
    </aside>
  );
}
