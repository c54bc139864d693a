// Rule L2 for document updates: an update must decode completely, and an
// item may refer (origin, right origin, parent) to an earlier item of its own
// client only. Yjs trusts its peers: it integrates an update's items before
// it reads the update's delete set, so a truncated update leaves items in the
// room's document and its malformed bytes in the update log (where merging
// them fails on every retry); and an item that points forward into its own
// client's range makes Yjs throw halfway through integrating it. Both are
// refused before anything is applied: the sender is closed with 1002.
// Found by test/integration/collab.frameFuzz.test.ts.
import * as Y from "yjs";
import { CloseCode } from "../../../lib/closeCodes";
import type { Connection } from "../Connection";
import type { CollabExtension, UpdateVerdict } from "../extension";
import type { Room } from "../Room";
import { getLogger } from "../../log";

/** Why the update cannot be applied safely, or null when it can. */
export function findUpdateProblem(update: Uint8Array): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return `the update does not decode: ${error instanceof Error ? error.message : String(error)}`;
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
      if (ref && ref.client === client && ref.clock >= clock) return "an item refers forward into its own client's changes";
    }
  }
  return null;
}

export class UpdateValidationExtension implements CollabExtension {
  readonly name = "update-validation";

  beforeApplyUpdate({ room, connection, update }: { room: Room; connection: Connection; update: Uint8Array }): UpdateVerdict | undefined {
    const problem = findUpdateProblem(update);
    if (problem === null) return undefined;
    getLogger().info({ component: "collab", documentId: room.documentId, userId: connection.actor.id, problem }, "closing connection after a malformed update");
    connection.clearInbox();
    connection.close(CloseCode.protocolError, "Malformed update");
    return { action: "drop" };
  }
}
