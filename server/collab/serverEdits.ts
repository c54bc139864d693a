// Edits the server itself makes to a document (restoring a version) go
// through the sync server like anyone's (rule H1): applied to the document's
// room so every connected editor receives it, on every node, and stored under
// the person who asked for it. Reached through the sync bridge.
import type { JSONContent } from "@tiptap/core";
import { AppError } from "../errors";
import { syncBridge } from "./syncBridge";

export async function replaceContentAsEdit(documentId: string, authorId: string, content: JSONContent): Promise<void> {
  const bridge = syncBridge();
  if (!bridge) throw new AppError("unavailable", "The sync server is not running");
  await bridge.replaceContent(documentId, authorId, content);
}

/** Every node that has the document open stores what it holds, so the log is current. */
export async function flushLiveDocument(documentId: string): Promise<void> {
  await syncBridge()?.flush(documentId);
}

/** The open room's state (encoded), or null when the store is current (with several nodes, after they stored what they hold). */
export async function readLiveDocumentState(documentId: string): Promise<Uint8Array | null> {
  return (await syncBridge()?.currentState(documentId)) ?? null;
}
