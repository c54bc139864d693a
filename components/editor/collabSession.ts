// Browser side of a document's sync: the Y.Doc, the y-websocket provider on
// /collab/<documentId>, the browser's own copy of the document (localCopy.ts),
// and a connection state the UI can show.
import { WebsocketProvider } from "y-websocket";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { CloseCode } from "@/lib/closeCodes";
import { DOCUMENT_EVENT_MESSAGE, type DocumentEvent } from "@/lib/review/reviewTypes";
import { openLocalCopy } from "@/lib/sync/localCopy";
import { sendOnlyOwnAwareness } from "@/lib/sync/sendOnlyOwnAwareness";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline" | "signed-out" | "no-access";

export type CollabSession = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Current state; subscribe for changes. Returns an unsubscribe function. */
  getState(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
  /** Review events the server pushes on the same socket (threads, title, members). */
  onDocumentEvent(listener: (event: DocumentEvent) => void): () => void;
  /** Deletes the browser's copy (it holds an edit the server refused), then destroys the session. */
  discardLocalCopy(): Promise<void>;
  destroy(): void;
};


export function createCollabSession(documentId: string, userId: string): CollabSession {
  const doc = new Y.Doc();
  // Loads alongside the socket: whichever comes first, the document merges both.
  const localCopy = openLocalCopy(userId, documentId, doc);
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const provider = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, documentId, doc, {
    // Tabs sync through the server: the server checks every update's permissions.
    disableBc: true,
    maxBackoffTime: 5000,
  });
  sendOnlyOwnAwareness(provider);

  const eventListeners = new Set<(event: DocumentEvent) => void>();
  provider.messageHandlers[DOCUMENT_EVENT_MESSAGE] = (_encoder, decoder) => {
    let event: DocumentEvent;
    try {
      event = JSON.parse(decoding.readVarString(decoder)) as DocumentEvent;
    } catch {
      return;
    }
    for (const listener of eventListeners) listener(event);
  };

  let state: ConnectionState = "connecting";
  let everConnected = false;
  const listeners = new Set<(state: ConnectionState) => void>();
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
  };

  provider.on("status", ({ status }) => {
    if (state === "signed-out" || state === "no-access") return;
    if (status === "connected") {
      everConnected = true;
      setState("connected");
    } else if (!navigator.onLine) setState("offline");
    else setState(everConnected ? "reconnecting" : "connecting");
  });
  // 44xx close codes: the provider stops retrying; tell the user why.
  provider.on("closed", ({ code }) => {
    setState(code === CloseCode.unauthorized ? "signed-out" : "no-access");
  });
  const onOffline = () => setState("offline");
  const onOnline = () => {
    if (state === "offline") setState("reconnecting");
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);

  return {
    doc,
    provider,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onDocumentEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    discardLocalCopy: () => localCopy.discard(),
    destroy() {
      localCopy.close();
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      listeners.clear();
      eventListeners.clear();
      provider.destroy();
      doc.destroy();
    },
  };
}
