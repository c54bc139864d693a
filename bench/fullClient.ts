// A full editor client in Node: its own Y.Doc and the server's own provider
// — y-websocket's WebsocketProvider (3.1.0, what the app uses) for ours and
// for y-websocket's reference server, @hocuspocus/provider for Hocuspocus —
// with a caret in awareness shaped like Tiptap's CollaborationCaret. What a
// browser tab runs, minus ProseMirror. With y-websocket it sends only its own
// awareness state, as the app's client does (lib/sync/sendOnlyOwnAwareness):
// the stock provider re-sends every awareness update it receives.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { sendOnlyOwnAwareness } from "../lib/sync/sendOnlyOwnAwareness";
import { FRAGMENT, HOCUSPOCUS_TOKEN, providerUrl, type Endpoint } from "./protocol";

export type FullClientSpec = {
  endpoint: Endpoint;
  documentId: string;
  name: string;
  color: string;
  /** Session cookie (ours). */
  cookie?: string;
};

export type FullClient = {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  /** Resolves once the client has the server's state (sync step 2). */
  synced(timeoutMs?: number): Promise<void>;
  /** The websocket underneath (for bufferedAmount), while connected. */
  socket(): WebSocket | undefined;
  /** Moves the caret (awareness `cursor`, relative positions as JSON). */
  setCaret(anchor: unknown, head?: unknown): void;
  destroy(): void;
};

export function connectFullClient(spec: FullClientSpec): FullClient {
  return spec.endpoint.kind === "hocuspocus" ? hocuspocusClient(spec) : yWebsocketClient(spec);
}

function yWebsocketClient(spec: FullClientSpec): FullClient {
  const doc = new Y.Doc();
  const { cookie } = spec;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(providerUrl(spec.endpoint), spec.documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  sendOnlyOwnAwareness(provider);
  provider.awareness.setLocalStateField("user", { name: spec.name, color: spec.color });
  return {
    doc,
    fragment: doc.getXmlFragment(FRAGMENT),
    synced: (timeoutMs = 30_000) =>
      waitFor(
        () => provider.synced,
        (listener) => provider.on("sync", listener),
        (listener) => provider.off("sync", listener),
        timeoutMs,
        `${spec.name} did not sync within ${timeoutMs} ms`,
      ),
    socket: () => (provider.ws as unknown as WebSocket | null) ?? undefined,
    setCaret(anchor, head = anchor) {
      provider.awareness.setLocalStateField("cursor", { anchor, head });
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function hocuspocusClient(spec: FullClientSpec): FullClient {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: providerUrl(spec.endpoint),
    WebSocketPolyfill: WebSocket,
    maxDelay: 1000,
  });
  const provider = new HocuspocusProvider({ name: spec.documentId, document: doc, token: HOCUSPOCUS_TOKEN, websocketProvider });
  // With a websocket of our own, the provider attaches only when told.
  provider.attach();
  provider.setAwarenessField("user", { name: spec.name, color: spec.color });
  return {
    doc,
    fragment: doc.getXmlFragment(FRAGMENT),
    synced: (timeoutMs = 30_000) =>
      waitFor(
        () => provider.synced,
        (listener) => provider.on("synced", listener),
        (listener) => provider.off("synced", listener),
        timeoutMs,
        `${spec.name} did not sync within ${timeoutMs} ms`,
      ),
    socket: () => (websocketProvider.webSocket as unknown as WebSocket | null) ?? undefined,
    setCaret(anchor, head = anchor) {
      provider.setAwarenessField("cursor", { anchor, head });
    },
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
      doc.destroy();
    },
  };
}

function waitFor(
  done: () => boolean,
  on: (listener: () => void) => void,
  off: (listener: () => void) => void,
  timeoutMs: number,
  message: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (done()) return resolve();
    const listener = () => {
      if (!done()) return;
      clearTimeout(timer);
      off(listener);
      resolve();
    };
    const timer = setTimeout(() => {
      off(listener);
      reject(new Error(message));
    }, timeoutMs);
    on(listener);
  });
}

/** Creates a paragraph holding one (empty) Y.XmlText at the end of the body; returns both. */
export function appendParagraph(client: FullClient): { paragraph: Y.XmlElement; text: Y.XmlText } {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  client.doc.transact(() => {
    paragraph.insert(0, [text]);
    client.fragment.push([paragraph]);
  });
  return { paragraph, text };
}

/** The text of the paragraph with this item id in a client's copy, once it has arrived. */
export async function findParagraphText(client: FullClient, id: Y.ID, timeoutMs = 15_000): Promise<Y.XmlText> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const item = findItem(client.doc, id);
    if (item && item.content instanceof Y.ContentType) {
      const paragraph = item.content.type;
      if (paragraph instanceof Y.XmlElement) {
        const text = paragraph.get(0);
        if (text instanceof Y.XmlText) return text;
      }
    }
    if (Date.now() > deadline) throw new Error("a paragraph did not reach another client");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function findItem(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  if (Y.getState(doc.store, id.client) <= id.clock) return undefined;
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  return struct instanceof Y.Item ? struct : undefined;
}

/** Plain text of a Y.XmlText without formatting marks. */
export function plainText(text: Y.XmlText): string {
  let result = "";
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") result += op.insert;
  return result;
}
