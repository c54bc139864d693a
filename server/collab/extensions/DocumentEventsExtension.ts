// Rules E1 and A5: review events that route handlers publish (threads, title,
// review mode, members) reach every connection of the document, in order with
// its text; when membership or review mode changed, every connection's role
// is looked up again at once and a removed member is closed with 4404. A
// lookup that fails closes the connection with 1011 rather than leaving it the
// role it had (fail closed): the client reconnects and is authorized afresh.
// Events arrive through the sync bridge (SyncBridgeExtension), from this node
// or, with several nodes, from another.
import { CloseCode } from "../../../lib/closeCodes";
import type { DocumentEvent } from "../../../lib/review/reviewTypes";
import { findDocumentRole } from "../../documents/documentAccess";
import type { CollabExtension, CollabServerHandle } from "../extension";
import type { Room } from "../Room";
import type { DocumentEventOptions } from "../syncBridge";
import type { FindDocumentRole } from "./AuthorizationExtension";

export class DocumentEventsExtension implements CollabExtension {
  readonly name = "document-events";
  private server: CollabServerHandle | undefined;

  constructor(private readonly findRole: FindDocumentRole = findDocumentRole) {}

  onConfigure(server: CollabServerHandle): () => void {
    this.server = server;
    return () => {
      if (this.server === server) this.server = undefined;
    };
  }

  /** Delivers an event to the document's room on this node, if it is open. */
  deliver(documentId: string, event: DocumentEvent, options: DocumentEventOptions): void {
    const room = this.server?.rooms.get(documentId);
    if (!room) return;
    room.broadcastEvent(event);
    if (options.rolesChanged) void reauthorize(room, this.findRole);
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
