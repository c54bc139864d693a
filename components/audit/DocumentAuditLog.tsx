"use client";

import { useEffect, useState } from "react";
import type { AuditEventView } from "@/lib/audit/auditTypes";
import { ErrorMessage } from "../ErrorMessage";
import { requestJson } from "../review/reviewApi";
import { AuditEventItem } from "./AuditEventItem";

/** A document's audit log, newest first, loaded when it is shown (each time the panel opens). */
export function DocumentAuditLog({ documentId }: { documentId: string }) {
  const [events, setEvents] = useState<AuditEventView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    requestJson<{ events: AuditEventView[] }>(`/api/documents/${documentId}/audit`).then(
      (loaded) => current && setEvents(loaded.events),
      (cause: Error) => current && setError(`Could not load the activity: ${cause.message}`),
    );
    return () => {
      current = false;
    };
  }, [documentId]);

  if (error) return <ErrorMessage message={error} />;
  if (!events) {
    return (
      <p className="muted" role="status">
        Loading activity…
      </p>
    );
  }
  if (events.length === 0) return <p className="empty-state">Nothing recorded yet: submissions, approvals, publications, shares and resolved threads appear here.</p>;
  return (
    <ol className="audit-list" aria-label="Activity on this document, newest first">
      {events.map((event) => (
        <AuditEventItem key={event.id} event={event} />
      ))}
    </ol>
  );
}
