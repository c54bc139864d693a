"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { DOCUMENT_STATUSES, STATUS_LABELS, type DocumentListItem, type DocumentStatusName } from "@/lib/documentTypes";
import { relativeTime } from "@/lib/relativeTime";
import { PresenceAvatars } from "../PresenceAvatars";
import { ErrorMessage } from "../ErrorMessage";
import { ImportDocumentControl } from "./ImportDocumentControl";
import { useNewsroomLive } from "./useNewsroomLive";

// Changes arrive over the live channel; the list is also reloaded now and then so
// "last edited" (text edits are not pushed) stays fresh, and often while the channel is down.
const REFRESH_WHILE_LIVE_MS = 60_000;
const REFRESH_WHILE_OFFLINE_MS = 15_000;

type Tab = "all" | DocumentStatusName;
type Filter = "everything" | "mine" | "needs-review";

export function DocumentDashboard({
  initialDocuments,
  canCreate,
  currentUserId,
  isNewsroomEditor,
}: {
  initialDocuments: DocumentListItem[];
  canCreate: boolean;
  currentUserId: string;
  isNewsroomEditor: boolean;
}) {
  const router = useRouter();
  const [tab, setTab] = useState<Tab>("all");
  const [filter, setFilter] = useState<Filter>("everything");
  const matchesFilter = (document: DocumentListItem) =>
    filter === "mine"
      ? document.createdBy.id === currentUserId
      : filter === "needs-review"
        ? document.status === "in_review" && document.createdBy.id !== currentUserId
        : true;
  // "All" leaves out spiked pieces: they are archived, not deleted.
  const inTab = (document: DocumentListItem) => (tab === "all" ? document.status !== "spiked" : document.status === tab);
  const shown = initialDocuments.filter((document) => inTab(document) && matchesFilter(document));
  const count = (status: Tab) =>
    initialDocuments.filter((document) => (status === "all" ? document.status !== "spiked" : document.status === status) && matchesFilter(document)).length;
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);

  // Uncontrolled on purpose: a title typed while the page's script was still
  // loading is in the input but not in React's state (no handler was attached
  // yet). A controlled input would be reset to "" when React takes over; this
  // one keeps the text, and the effect takes it over.
  useEffect(() => {
    const typed = titleInput.current?.value ?? "";
    if (typed !== "") setTitle(typed);
  }, []);

  // New documents, status changes and "editing now" are pushed as they happen.
  const live = useNewsroomLive(() => router.refresh());
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), live === "live" ? REFRESH_WHILE_LIVE_MS : REFRESH_WHILE_OFFLINE_MS);
    return () => clearInterval(timer);
  }, [router, live]);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreating(true);
    setError(null);
    try {
      const response = await fetch("/api/documents", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title }),
      });
      const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
      if (!response.ok || !body.id) {
        setError(body.error ?? `Could not create the document (HTTP ${response.status}).`);
        return;
      }
      router.push(`/documents/${body.id}`);
    } catch {
      setError("Could not reach the server.");
    } finally {
      setCreating(false);
    }
  }

  return (
    <>
      {canCreate && (
        <div className="create-row">
          <form className="toolbar-row" onSubmit={onCreate} aria-label="Create a document">
            <div className="field" style={{ flex: 1, marginBottom: 0 }}>
              <label htmlFor="new-title">New document</label>
              <input
                id="new-title"
                ref={titleInput}
                className="input"
                placeholder="Working title, e.g. What the Antalya meeting changed"
                defaultValue=""
                maxLength={200}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <button type="submit" className="button primary" disabled={creating || title.trim() === ""}>
              {creating ? "Creating…" : "Create document"}
            </button>
          </form>
          <ImportDocumentControl />
        </div>
      )}
      <ErrorMessage message={error} />
      <div className="board-controls">
        <div className="tabs" role="tablist" aria-label="Documents by status">
          {(["all", ...DOCUMENT_STATUSES] as Tab[]).map((value) => (
            <button key={value} type="button" role="tab" aria-selected={tab === value} className="tab" onClick={() => setTab(value)}>
              {value === "all" ? "All" : STATUS_LABELS[value]} <span className="count">{count(value)}</span>
            </button>
          ))}
        </div>
        <div className="filters" role="group" aria-label="Filter documents">
          <button type="button" className="filter" aria-pressed={filter === "mine"} onClick={() => setFilter(filter === "mine" ? "everything" : "mine")}>
            Mine
          </button>
          {isNewsroomEditor && (
            <button
              type="button"
              className="filter"
              aria-pressed={filter === "needs-review"}
              onClick={() => setFilter(filter === "needs-review" ? "everything" : "needs-review")}
            >
              Needs my review
            </button>
          )}
        </div>
        <span className={`live-state ${live}`} role="status" aria-live="polite">
          <span className="dot" aria-hidden="true" />
          {live === "signed-out" ? (
            <>
              Signed out: <a href="/signin">sign in again</a>
            </>
          ) : live === "live" ? (
            "Live"
          ) : live === "connecting" ? (
            "Connecting…"
          ) : (
            "Reconnecting… (refreshing every 15 s)"
          )}
        </span>
      </div>
      {shown.length === 0 ? (
        <div className="empty-state">
          {initialDocuments.length === 0 ? `No documents yet.${canCreate ? " Give your first one a title above." : ""}` : "No documents here."}
        </div>
      ) : (
        <table className="doc-table">
          <caption className="visually-hidden">Documents</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Last edited</th>
              <th scope="col">Editing now</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((document) => (
              <tr key={document.id}>
                <td>
                  <Link className="doc-title-link" href={`/documents/${document.id}`}>
                    {document.title}
                  </Link>
                  <div className="muted">by {document.createdBy.name}</div>
                </td>
                <td>
                  <span className={`status-chip ${document.status}`}>{STATUS_LABELS[document.status]}</span>
                </td>
                <td className="muted">
                  {(() => {
                    const at = document.lastEditedAt ?? document.updatedAt;
                    // "12 seconds ago" differs between the server's render and the browser's by
                    // the time in between; a mismatch would make React re-render the whole page,
                    // dropping anything typed while it loaded.
                    return (
                      <time dateTime={at} suppressHydrationWarning>
                        {relativeTime(at)}
                      </time>
                    );
                  })()}
                </td>
                <td>
                  {document.editingNow.length > 0 ? (
                    <PresenceAvatars users={document.editingNow} label={`Editing ${document.title} now`} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
