"use client";

import { useCallback, useEffect, useState } from "react";
import { parseBody } from "@/lib/review/mentions";
import type { DocumentEvent, NotificationView } from "@/lib/review/reviewTypes";
import { relativeTime } from "@/lib/relativeTime";
import { requestJson } from "./reviewApi";

const plainExcerpt = (body: string) => parseBody(body).map((part) => (part.kind === "text" ? part.text : `@${part.name}`)).join("");

/**
 * Mentions and assignments for the signed-in user. Refreshed when a pushed
 * thread event concerns them.
 */
export function ForYouList(props: {
  userId: string;
  onDocumentEvent: (listener: (event: DocumentEvent) => void) => () => void;
  onOpenThread: (notification: NotificationView) => void;
}) {
  const [items, setItems] = useState<NotificationView[]>([]);
  const load = useCallback(async () => {
    const { notifications } = await requestJson<{ notifications: NotificationView[] }>("/api/notifications");
    setItems(notifications);
  }, []);

  useEffect(() => {
    void load().catch(() => {});
    return props.onDocumentEvent((event) => {
      if (event.type === "thread" && (event.thread.mentionedUserIds.includes(props.userId) || event.thread.assignee?.id === props.userId)) {
        void load().catch(() => {});
      }
    });
  }, [load, props.onDocumentEvent, props.userId]);

  const unread = items.filter((item) => !item.readAt);
  return (
    <section className="for-you" aria-labelledby="for-you-heading">
      <h2 id="for-you-heading" className="sidebar-heading">
        For you {unread.length > 0 && <span className="count" aria-label={`${unread.length} unread`}>{unread.length}</span>}
      </h2>
      {items.length === 0 ? (
        <p className="muted">Nothing for you yet. Mentions and assignments show up here.</p>
      ) : (
        <ul className="for-you-list">
          {items.slice(0, 8).map((item) => (
            <li key={item.id} className={item.readAt ? "read" : "unread"}>
              <button
                type="button"
                className="for-you-item"
                onClick={() => {
                  props.onOpenThread(item);
                  if (!item.readAt) {
                    void requestJson("/api/notifications/read", { method: "POST", body: { ids: [item.id] } }).then(load, () => {});
                  }
                }}
              >
                <strong>{item.actor.name}</strong> {item.kind === "mention" ? "mentioned you" : "assigned you a thread"} in{" "}
                <em>{item.document.title}</em>
                <span className="excerpt">{plainExcerpt(item.excerpt)}</span>
                <span className="muted">{relativeTime(item.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
