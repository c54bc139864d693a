// Rule A6: a suggest-only connection's update is applied only when every change
// it makes is inside suggestion marks authored by that user. Anything else is
// refused: never applied, forwarded or stored, and the sender is told so it
// can drop its local copy and re-sync. The gate (server/review/suggestions/)
// keeps a shadow copy of the room's document, made when the first suggester sends.
import { canEditContent, canSuggest } from "../../policies";
import { SuggesterUpdateGate } from "../../review/suggestions/checkSuggesterUpdate";
import type { Connection } from "../Connection";
import type { CollabExtension, UpdateVerdict } from "../extension";
import { ClientsOrigin } from "../origins";
import type { Room } from "../Room";

export class SuggestionGateExtension implements CollabExtension {
  readonly name = "suggestion-gate";
  private readonly gates = new Map<Room, SuggesterUpdateGate>();

  beforeApplyUpdate({ room, connection, update }: { room: Room; connection: Connection; update: Uint8Array }): UpdateVerdict | undefined {
    if (canEditContent(connection.role) || !canSuggest(connection.role)) return undefined;
    return {
      action: "applyWith",
      apply: () => {
        let gate = this.gates.get(room);
        if (!gate) {
          gate = new SuggesterUpdateGate(room.doc);
          this.gates.set(room, gate);
        }
        // The same typed origin as any client update: stored under its author, not sent back to them.
        const origin = new ClientsOrigin();
        origin.sent.push({ connection, update });
        return gate.apply(update, connection.actor.id, origin, { authorName: connection.user.name });
      },
    };
  }

  afterUnloadDocument({ room }: { room: Room }): void {
    this.gates.get(room)?.destroy();
    this.gates.delete(room);
  }
}
