// Whether a document has any edit after a state vector (e.g. the one pinned
// by an approval): true when some client's clock moved past it.
import * as Y from "yjs";

export function hasChangedSince(currentStateVector: Uint8Array, pinnedStateVector: Uint8Array): boolean {
  const pinned = Y.decodeStateVector(pinnedStateVector);
  for (const [client, clock] of Y.decodeStateVector(currentStateVector)) {
    if (clock > (pinned.get(client) ?? 0)) return true;
  }
  return false;
}
