// Edits the server itself makes to a document (restoring a version) go
// through the sync server like anyone's: applied to the open room so every
// connected editor receives them, stored in the update log under the person
// who asked for them. Route handlers run in Next's bundle, so the sync server
// installs this seam as a process global at start (like documentEvents).
// Only data crosses it: the bundle has its own copy of yjs, whose classes a
// room's document (made by the server's copy) does not pass instanceof for.
import type { JSONContent } from "@tiptap/core";
import { AppError } from "../errors";
import { processGlobal } from "../processGlobal";

export type LiveDocumentControl = {
  /** Opens the document's room if needed, edits its text into `content` in one transaction and stores it. */
  replaceContent(documentId: string, authorId: string, content: JSONContent): Promise<void>;
  /** Stores the open room's pending updates now (no-op when the document is not open). */
  flush(documentId: string): Promise<void>;
};

const control = processGlobal<LiveDocumentControl>("liveDocumentControl");

export const installLiveDocumentControl = (value: LiveDocumentControl) => control.set(value);

export async function replaceContentAsEdit(documentId: string, authorId: string, content: JSONContent): Promise<void> {
  const installed = control.get();
  if (!installed) throw new AppError("unavailable", "The sync server is not running");
  await installed.replaceContent(documentId, authorId, content);
}

export async function flushLiveDocument(documentId: string): Promise<void> {
  await control.get()?.flush(documentId);
}
