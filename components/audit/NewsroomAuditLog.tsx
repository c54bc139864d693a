"use client";

import { useRef, useState } from "react";
import type { NewsroomAuditPage } from "@/lib/audit/auditTypes";
import { KNOWN_AUDIT_ACTIONS } from "@/lib/audit/describeAuditEvent";
import { ErrorMessage } from "../ErrorMessage";
import { requestJson } from "../review/reviewApi";
import { AuditEventItem } from "./AuditEventItem";

export type AuditFilters = { action?: string | undefined; documentId?: string | undefined };

/** The newsroom Activity page: every document's events, filters, and "Load more" through the API's cursor. */
export function NewsroomAuditLog(props: { initialPage: NewsroomAuditPage; initialFilters: AuditFilters; documents: { id: string; title: string }[] }) {
  const [filters, setFilters] = useState<AuditFilters>(props.initialFilters);
  const [events, setEvents] = useState(props.initialPage.events);
  const [nextCursor, setNextCursor] = useState(props.initialPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the latest request may fill the list: a slow older page must not land after a filter change.
  const latestRequest = useRef(0);

  async function load(nextFilters: AuditFilters, before: string | null) {
    const request = ++latestRequest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await requestJson<NewsroomAuditPage>(`/api/audit?${queryString(nextFilters, before)}`);
      if (request !== latestRequest.current) return;
      setEvents((current) => (before ? [...current, ...page.events] : page.events));
      setNextCursor(page.nextCursor);
    } catch (cause) {
      if (request === latestRequest.current) setError(`Could not load the activity: ${cause instanceof Error ? cause.message : "unknown error"}`);
    } finally {
      if (request === latestRequest.current) setLoading(false);
    }
  }

  function applyFilters(nextFilters: AuditFilters) {
    setFilters(nextFilters);
    // Keeps the filtered view linkable and reload-proof.
    const query = queryString(nextFilters, null);
    window.history.replaceState(null, "", query ? `/audit?${query}` : "/audit");
    void load(nextFilters, null);
  }

  const filtered = Boolean(filters.action || filters.documentId);
  // An action named in the address that this page does not list yet (a newer kind of event) stays selectable.
  const actionOptions: [string, string][] = Object.entries(KNOWN_AUDIT_ACTIONS);
  if (filters.action && !(filters.action in KNOWN_AUDIT_ACTIONS)) actionOptions.push([filters.action, filters.action]);
  // Likewise a document named in the address but not in the list (which holds the 500 most recently changed).
  const documentOptions = [...props.documents];
  if (filters.documentId && !documentOptions.some((document) => document.id === filters.documentId)) {
    documentOptions.push({ id: filters.documentId, title: events.find((event) => event.document?.id === filters.documentId)?.document?.title ?? "The selected document" });
  }

  return (
    <>
      <form className="audit-filters" role="search" aria-label="Filter the activity" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-action">What</label>
          <select id="audit-action" className="input" value={filters.action ?? ""} onChange={(event) => applyFilters({ ...filters, action: event.target.value || undefined })}>
            <option value="">All actions</option>
            {actionOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-document">Document</label>
          <select
            id="audit-document"
            className="input"
            value={filters.documentId ?? ""}
            onChange={(event) => applyFilters({ ...filters, documentId: event.target.value || undefined })}
          >
            <option value="">All documents</option>
            {documentOptions.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button type="button" className="button" onClick={() => applyFilters({})}>
            Clear filters
          </button>
        )}
      </form>
      <ErrorMessage message={error} />
      {events.length === 0 ? (
        <div className="empty-state">{loading ? "Loading…" : filtered ? "No activity matches these filters." : "No activity recorded yet."}</div>
      ) : (
        <ol className="audit-list audit-card" aria-label="Newsroom activity, newest first" aria-busy={loading}>
          {events.map((event) => (
            <AuditEventItem key={event.id} event={event} />
          ))}
        </ol>
      )}
      <div className="audit-more">
        {nextCursor && (
          <button type="button" className="button" disabled={loading} onClick={() => void load(filters, nextCursor)}>
            {loading ? "Loading…" : "Load more"}
          </button>
        )}
        <p className="muted" role="status">
          {events.length === 0 ? "" : nextCursor ? `The newest ${events.length} events` : `All ${events.length} ${events.length === 1 ? "event" : "events"}`}
        </p>
      </div>
    </>
  );
}

function queryString(filters: AuditFilters, before: string | null): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.documentId) params.set("documentId", filters.documentId);
  if (before) params.set("before", before);
  return params.toString();
}
