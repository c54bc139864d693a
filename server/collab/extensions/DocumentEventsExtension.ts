// Rules E1 and A5: review events that route handlers publish (threads, title,
// review mode, members) reach every connection of the document, in order with
// its text; when membership or review mode changed, every connection's role
// is looked up again at once and a removed member is closed with 4404. A
// lookup that fails closes the connection with 1011 rather than leaving it the
// role it had (fail closed): the client reconnects and is authorized afresh.
import { CloseCode } from "../../../lib/closeCodes";
import { findDocumentRole } from "../../documents/documentAccess";
import { installDocumentEventSink } from "../documentEvents";
import type { CollabExtension, CollabServerHandle } from "../extension";
import type { Room } from "../Room";
import type { FindDocumentRole } from "./AuthorizationExtension";

export class DocumentEventsExtension implements CollabExtension {
  readonly name = "document-events";

  constructor(private readonly findRole: FindDocumentRole = findDocumentRole) {}

  onConfigure(server: CollabServerHandle): () => void {
    return installDocumentEventSink((documentId, event, options) => {
      const room = server.rooms.get(documentId);
      if (!room) return;
      room.broadcastEvent(event);
      if (options.rolesChanged) void reauthorize(room, this.findRole);
    });
  }
}

async function reauthorize(room: Room, findRole: FindDocumentRole): Promise<void> {
  for (const connection of room.connections) {
    let role;
    try {
      role = await findRole(connection.actor, room.documentId);
    } catch {
      connection.close(CloseCode.internalError, "Could not check your access; reconnect");
      continue;
    }
    if (role) connection.role = role;
    else connection.close(CloseCode.notFound, "Your access to this document was removed");
  }
}
