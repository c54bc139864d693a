// Tells open dashboards when who is editing a document changes (the live
// "editing now"). After EditingNowExtension in the list: the presence registry
// already holds the change when dashboards reload. This node's dashboards
// only: other nodes hear of it from ClusterPresenceExtension, with the list.
import { deliverNewsroomEvent } from "../../newsroom/newsroomEvents";
import type { Connection } from "../Connection";
import type { CollabExtension } from "../extension";
import type { Room } from "../Room";

export class NewsroomPresenceExtension implements CollabExtension {
  readonly name = "newsroom-presence";

  onConnect({ room }: { room: Room; connection: Connection }): void {
    deliverNewsroomEvent({ type: "editing", documentId: room.documentId });
  }

  onDisconnect({ room }: { room: Room; connection: Connection }): void {
    deliverNewsroomEvent({ type: "editing", documentId: room.documentId });
  }
}
