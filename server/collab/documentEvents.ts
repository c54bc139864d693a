// Pushes review events (threads, title, members) to everyone connected to a
// document, over the same socket as the text, on every node (syncBridge.ts).
import type { DocumentEvent } from "../../lib/review/reviewTypes";
import { publishNewsroomEvent } from "../newsroom/newsroomEvents";
import { syncBridge, type DocumentEventOptions } from "./syncBridge";

export type { DocumentEventOptions };

/**
 * Delivers to the document's open rooms (none open: nobody to tell). A change
 * to what the dashboard lists (title, status, metadata, members) also goes to
 * open dashboards, through the newsroom channel.
 */
export function publishDocumentEvent(documentId: string, event: DocumentEvent, options: DocumentEventOptions = {}): void {
  syncBridge()?.publishDocumentEvent(documentId, event, options);
  if (event.type === "document" || event.type === "members") publishNewsroomEvent({ type: "document", documentId });
}
