// A real y-websocket client in Node, authenticated with a session cookie.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { documentTextFromYDoc } from "../../server/documents/documentState";
import { waitFor } from "./testServer";

export type CollabClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  text(): string;
  appendParagraph(text: string): void;
  insertText(paragraphIndex: number, offset: number, text: string): void;
  waitSynced(): Promise<void>;
  destroy(): void;
};

export function connectClient(wsUrl: string, documentId: string, cookie: string | null, options: { doc?: Y.Doc } = {}): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const closes: { code: number; reason: string }[] = [];
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
      this.on("close", (code, reason) => closes.push({ code, reason: reason.toString() }));
    }
  }
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  return {
    doc,
    provider,
    closes,
    text: () => documentTextFromYDoc(doc),
    appendParagraph(text) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.push([paragraph]);
    },
    insertText(paragraphIndex, offset, text) {
      const paragraph = fragment.get(paragraphIndex) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(offset, text);
    },
    waitSynced: () => waitFor(() => provider.synced, { message: "the client to sync" }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
