// A full editor client in Node: its own Y.Doc and y-websocket's
// WebsocketProvider, authenticated with a session cookie — what a browser
// tab runs, minus ProseMirror. Like the app's client
// (components/editor/collabSession.ts) it sends only its own awareness state.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../lib/editor/documentExtensions";
import type { BenchUser } from "./fixtures";
import { sendOnlyOwnAwareness } from "../lib/sync/sendOnlyOwnAwareness";

export type FullClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  fragment: Y.XmlFragment;
  /** Resolves once the provider has received the server's state (sync step 2). */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
};


export function connectFullClient(wsUrl: string, documentId: string, user: BenchUser): FullClient {
  const doc = new Y.Doc();
  const cookie = user.cookie;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  sendOnlyOwnAwareness(provider);
  provider.awareness.setLocalStateField("user", { name: user.name });
  return {
    doc,
    provider,
    fragment: doc.getXmlFragment(DOCUMENT_FRAGMENT),
    synced: (timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (provider.synced) return resolve();
        const timer = setTimeout(() => {
          provider.off("sync", onSync);
          reject(new Error(`client ${user.name} did not sync within ${timeoutMs} ms`));
        }, timeoutMs);
        const onSync = (isSynced: boolean) => {
          if (!isSynced) return;
          clearTimeout(timer);
          provider.off("sync", onSync);
          resolve();
        };
        provider.on("sync", onSync);
      }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
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

/** The same paragraph's text in another client's copy, once it has arrived. */
export async function findParagraphText(client: FullClient, paragraph: Y.XmlElement, timeoutMs = 10_000): Promise<Y.XmlText> {
  const id = paragraph._item?.id;
  if (!id) throw new Error("the paragraph is not integrated in a document");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of client.fragment.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const childId = child._item?.id;
      if (childId && Y.compareIDs(childId, id)) {
        const text = child.get(0);
        if (text instanceof Y.XmlText) return text;
      }
    }
    if (Date.now() > deadline) throw new Error("the paragraph did not reach the other client");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Plain text of a Y.XmlText without formatting marks. */
export function plainText(text: Y.XmlText): string {
  let result = "";
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") result += op.insert;
  return result;
}
