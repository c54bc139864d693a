// Route handlers reach open documents through two process seams installed
// here: a read-only lookup of a room's document (approving pins the freshest
// text) and server edits (rule H1: a restore edits the room's document, so
// connected editors receive it, and is stored under the person who asked).
import { AppError } from "../../errors";
import type { CollabExtension, CollabServerHandle } from "../extension";
import { installLiveDocumentLookup } from "../liveDocuments";
import { replaceDocumentContent } from "../replaceDocumentContent";
import { installLiveDocumentControl } from "../serverEdits";

export class LiveDocumentsExtension implements CollabExtension {
  readonly name = "live-documents";

  onConfigure(server: CollabServerHandle): () => void {
    const uninstallLookup = installLiveDocumentLookup((documentId) => server.rooms.get(documentId)?.doc);
    const uninstallControl = installLiveDocumentControl({
      async replaceContent(documentId, authorId, content) {
        if (server.closing) throw new AppError("unavailable", "The server is shutting down");
        const room = await server.openRoom(documentId);
        try {
          room.applyServerEdit(authorId, (doc) => replaceDocumentContent(doc, content));
          await room.store("request");
        } finally {
          void server.releaseRoom(room);
        }
      },
      async flush(documentId) {
        await server.rooms.get(documentId)?.store("request");
      },
    });
    return () => {
      uninstallLookup();
      uninstallControl();
    };
  }
}
