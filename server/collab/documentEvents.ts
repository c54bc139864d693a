// Pushes review events (threads, title, members) to everyone connected to a
// document, over the same socket as the text. Route handlers run in Next's
// bundle, a separate module copy from the sync server, so the sink is kept on
// globalThis; the sync server installs it at start.
import type { DocumentEvent } from "../../lib/review/reviewTypes";

export type DocumentEventOptions = {
  /** Roles may have changed (membership, review mode): connections re-authorize. */
  rolesChanged?: boolean;
};
type Sink = (documentId: string, event: DocumentEvent, options: DocumentEventOptions) => void;

const key = Symbol.for("newsroom.documentEvents");
type GlobalWithSink = typeof globalThis & { [key]?: Sink };

/** Installs the sink; the returned function removes it (if it is still the current one). */
export function installDocumentEventSink(sink: Sink): () => void {
  const holder = globalThis as GlobalWithSink;
  holder[key] = sink;
  return () => {
    if (holder[key] === sink) delete holder[key];
  };
}

/** Delivers to the document's room on this server, if it is open (no room: nobody to tell). */
export function publishDocumentEvent(documentId: string, event: DocumentEvent, options: DocumentEventOptions = {}): void {
  (globalThis as GlobalWithSink)[key]?.(documentId, event, options);
}
