// Pushes review events (threads, title, members) to everyone connected to a
// document, over the same socket as the text. Route handlers run in Next's
// bundle, so the sink is a process global; the sync server installs it at start.
import type { DocumentEvent } from "../../lib/review/reviewTypes";
import { publishNewsroomEvent } from "../newsroom/newsroomEvents";
import { processGlobal } from "../processGlobal";

export type DocumentEventOptions = {
  /** Roles may have changed (membership, review mode): connections re-authorize. */
  rolesChanged?: boolean;
};
type Sink = (documentId: string, event: DocumentEvent, options: DocumentEventOptions) => void;

const sink = processGlobal<Sink>("documentEvents");

/** Installs the sink; the returned function removes it (if it is still the current one). */
export const installDocumentEventSink = (deliver: Sink) => sink.set(deliver);

/**
 * Delivers to the document's room on this server, if it is open (no room: nobody
 * to tell). A change to what the dashboard lists (title, status, metadata,
 * members) also goes to open dashboards, through the newsroom channel.
 */
export function publishDocumentEvent(documentId: string, event: DocumentEvent, options: DocumentEventOptions = {}): void {
  sink.get()?.(documentId, event, options);
  if (event.type === "document" || event.type === "members") publishNewsroomEvent({ type: "document", documentId });
}
