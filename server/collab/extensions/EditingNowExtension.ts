// Who is connected to which document, for the dashboard's "editing now"
// (presenceRegistry.ts, read by route handlers).
import type { Connection } from "../Connection";
import type { CollabExtension } from "../extension";
import { addPresence, removePresence } from "../presenceRegistry";
import type { Room } from "../Room";

export class EditingNowExtension implements CollabExtension {
  readonly name = "editing-now";

  onConnect({ room, connection }: { room: Room; connection: Connection }): void {
    addPresence(room.documentId, connection.user);
  }

  onDisconnect({ room, connection }: { room: Room; connection: Connection }): void {
    removePresence(room.documentId, connection.user.id);
  }
}
