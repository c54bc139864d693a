import Link from "next/link";
import type { AuditEventView, NewsroomAuditEventView } from "@/lib/audit/auditTypes";
import { describeAuditEvent } from "@/lib/audit/describeAuditEvent";
import { exactTime, relativeTime } from "@/lib/relativeTime";
import { initials } from "@/lib/userColor";


/**
 * One audit event: who, what (one sentence, with the note or quoted text it
 * carries), which document when shown newsroom-wide, and when. Shared by the
 * document's Activity panel and the newsroom Activity page.
 */
export function AuditEventItem({ event }: { event: AuditEventView | NewsroomAuditEventView }) {
  const description = describeAuditEvent(event);
  const document = "document" in event ? event.document : undefined;
  return (
    <li className="audit-item" data-action={event.action}>
      <span className="avatar small" style={{ background: event.actor.color }} aria-hidden="true">
        {initials(event.actor.name)}
      </span>
      <div className="audit-body">
        <p className="audit-sentence">
          <strong>{event.actor.name}</strong> {description.text}
        </p>
        {description.quote && (
          <p className="audit-quote">
            <span className="visually-hidden">About the text: </span>
            <q>{description.quote}</q>
          </p>
        )}
        {description.note && (
          <p className="audit-note">
            <span className="audit-note-label">Note:</span> {description.note}
          </p>
        )}
        {document !== undefined && (
          <p className="audit-document">
            {document ? (
              <>
                on{" "}
                <Link className="doc-title-link" href={`/documents/${document.id}`}>
                  {document.title}
                </Link>
              </>
            ) : (
              "newsroom-wide"
            )}
          </p>
        )}
      </div>
      {/* Relative and local times differ between the server's render and the browser's: the browser's wins. */}
      <time className="audit-time muted" dateTime={event.createdAt} title={exactTime(event.createdAt)} suppressHydrationWarning>
        {relativeTime(event.createdAt)}
      </time>
    </li>
  );
}
