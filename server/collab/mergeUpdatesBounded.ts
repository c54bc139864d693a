// Y.mergeUpdates re-sorts its list of inputs for every struct it takes, so
// merging n updates at once costs about n² — a burst of 26,000 keystrokes
// took seconds to merge in one call. Merging in groups of a bounded size,
// then merging the results the same way, keeps it near n·log n.
import * as Y from "yjs";

export const MERGE_FAN_IN = 32;

export function mergeUpdatesBounded(updates: Uint8Array[]): Uint8Array {
  if (updates.length === 0) return Y.mergeUpdates([]);
  let level = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let start = 0; start < level.length; start += MERGE_FAN_IN) {
      const group = level.slice(start, start + MERGE_FAN_IN);
      next.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
    }
    level = next;
  }
  return level[0]!;
}
