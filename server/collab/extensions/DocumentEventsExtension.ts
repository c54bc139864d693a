// Rules E1 and A5: review events that route handlers publish (threads, title,
// review mode, members) reach every connection of the document, in order with
// its text; when membership or review mode changed, every connection's role
// is looked up again at once and a removed member is closed with 4404.
import { CloseCode } from "../../../lib/closeCodes";
import { findDocumentRole } from "../../documents/documentAccess";
import { installDocumentEventSink } from "../documentEvents";
import type { CollabExtension, CollabServerHandle } from "../extension";
import type { Room } from "../Room";

export class DocumentEventsExtension implements CollabExtension {
  readonly name = "document-events";

  onConfigure(server: CollabServerHandle): () => void {
    return installDocumentEventSink((documentId, event, options) => {
      const room = server.rooms.get(documentId);
      if (!room) return;
      room.broadcastEvent(event);
      if (options.rolesChanged) void reauthorize(room);
    });
  }
}

async function reauthorize(room: Room): Promise<void> {
  for (const connection of room.connections) {
    const role = await findDocumentRole(connection.actor, room.documentId).catch(() => connection.role);
    if (role) connection.role = role;
    else connection.close(CloseCode.notFound, "Your access to this document was removed");
  }
}
