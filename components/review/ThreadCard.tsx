"use client";

import { useState } from "react";
import type { ThreadView } from "@/lib/review/reviewTypes";
import { exactTime, relativeTime } from "@/lib/relativeTime";
import { initials } from "@/lib/userColor";
import { CommentBody } from "./CommentBody";
import { CommentComposer } from "./CommentComposer";
import { requestJson, type DirectoryUser } from "./reviewApi";
import { ErrorMessage } from "../ErrorMessage";

export type ThreadPermissions = { canComment: boolean; canResolve: boolean };

export function ThreadCard(props: {
  thread: ThreadView;
  detached: boolean;
  active: boolean;
  currentUserId: string;
  permissions: ThreadPermissions;
  users: DirectoryUser[];
  onActivate: () => void;
  onChanged: (thread: ThreadView | null) => void;
}) {
  const { thread, permissions } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/documents/${thread.documentId}/threads/${thread.id}`;
  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Something went wrong");
    }
  };

  return (
    <article
      className={`thread-card${props.active ? " active" : ""}${thread.status === "resolved" ? " resolved" : ""}`}
      aria-label={`Comment thread by ${thread.author.name} on “${thread.quote.slice(0, 60)}”`}
      data-thread-id={thread.id}
      onFocus={props.onActivate}
      onClick={props.onActivate}
    >
      <header className="thread-quote">
        {props.detached ? <span className="badge detached">Detached</span> : null}
        {thread.status === "resolved" ? <span className="badge resolved">Resolved</span> : null}
        <q>{thread.quote || "(empty selection)"}</q>
        {thread.status === "resolved" && thread.resolvedAt && (
          <p className="thread-resolution">
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""} ·{" "}
            <time dateTime={thread.resolvedAt} title={exactTime(thread.resolvedAt)}>
              {relativeTime(thread.resolvedAt)}
            </time>
          </p>
        )}
      </header>
      <ol className="comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <div className="comment-meta">
              <span className="avatar small" style={{ background: comment.author.color }} aria-hidden="true">
                {initials(comment.author.name)}
              </span>
              <strong>{comment.author.name}</strong>
              <time className="muted" dateTime={comment.createdAt} title={exactTime(comment.createdAt)}>
                {relativeTime(comment.createdAt)}
                {comment.editedAt ? " · edited" : ""}
              </time>
            </div>
            {editing === comment.id ? (
              <CommentComposer
                label="Edit comment"
                submitLabel="Save"
                users={props.users}
                initialBody={comment.body}
                autoFocus
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  props.onChanged(await requestJson<ThreadView>(`${base}/comments/${comment.id}`, { method: "PATCH", body: { body } }));
                  setEditing(null);
                }}
              />
            ) : (
              <CommentBody body={comment.body} mentions={comment.mentions} />
            )}
            {comment.author.id === props.currentUserId && permissions.canComment && editing !== comment.id && (
              <div className="comment-tools">
                <button type="button" className="link-button" onClick={() => setEditing(comment.id)} aria-label={`Edit comment by ${comment.author.name}`}>
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Delete comment by ${comment.author.name}`}
                  onClick={() =>
                    void run(async () => {
                      const { thread: next } = await requestJson<{ thread: ThreadView | null }>(`${base}/comments/${comment.id}`, { method: "DELETE" });
                      props.onChanged(next);
                    })
                  }
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <div className="thread-footer">
        <label className="assignee">
          <span className="muted">Assigned to</span>
          <select
            className="input small"
            value={thread.assignee?.id ?? ""}
            disabled={!permissions.canComment}
            onChange={(event) =>
              void run(async () => {
                props.onChanged(await requestJson<ThreadView>(base, { method: "PATCH", body: { assigneeId: event.target.value || null } }));
              })
            }
          >
            <option value="">Nobody</option>
            {props.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
        {permissions.canResolve && (
          <button
            type="button"
            className="button small"
            onClick={() =>
              void run(async () => {
                const status = thread.status === "open" ? "resolved" : "open";
                props.onChanged(await requestJson<ThreadView>(base, { method: "PATCH", body: { status } }));
              })
            }
          >
            {thread.status === "open" ? "Resolve" : "Reopen"}
          </button>
        )}
      </div>
      <ErrorMessage message={error} />
      {permissions.canComment && thread.status === "open" && !props.active && (
        <button type="button" className="link-button" onClick={props.onActivate} aria-label={`Reply to ${thread.author.name}'s thread`}>
          Reply…
        </button>
      )}
      {/* Only the thread in focus shows its reply box: cards stay short enough to sit beside their text. */}
      {permissions.canComment && thread.status === "open" && props.active && (
        <CommentComposer
          label={`Reply to ${thread.author.name}`}
          submitLabel="Reply"
          users={props.users}
          onSubmit={async (body) => props.onChanged(await requestJson<ThreadView>(`${base}/comments`, { method: "POST", body: { body } }))}
        />
      )}
    </article>
  );
}
