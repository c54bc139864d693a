// Rule L5: a document's encoded state may not grow past MAX_DOCUMENT_BYTES.
// Updates that would take it further are refused (the sender is told and
// re-syncs). Encoding the whole state is far too costly per update, so the
// room's size is tracked as an upper bound — the exact size at some moment
// plus every update's bytes since (merging only ever makes the encoding
// smaller) — and measured exactly again only when that bound reaches the cap,
// and then at most once a second unless it grew by a sixteenth of the cap
// since (a document kept just under the cap must not cost a full encoding
// per keystroke).
import * as Y from "yjs";
import { MAX_DOCUMENT_BYTES } from "../../../lib/limits";
import type { CollabExtension, UpdateVerdict } from "../extension";
import type { Room } from "../Room";

type RoomSize = {
  /** Encoded size when last measured, plus every update's size since. */
  upperBound: number;
  /** The exact size when last measured, and when. */
  measured: number;
  measuredAt: number;
};

const REMEASURE_INTERVAL_MS = 1000;

export class DocumentSizeLimitExtension implements CollabExtension {
  readonly name = "document-size-limit";
  private readonly sizes = new WeakMap<Room, RoomSize>();

  constructor(private readonly maxBytes = MAX_DOCUMENT_BYTES) {}

  beforeApplyUpdate({ room, update }: { room: Room; update: Uint8Array }): UpdateVerdict | undefined {
    const size = this.sizeOf(room);
    if (size.upperBound + update.byteLength <= this.maxBytes) return undefined;
    const grown = size.upperBound - size.measured;
    if (grown > 0 && (grown >= this.maxBytes / 16 || Date.now() - size.measuredAt >= REMEASURE_INTERVAL_MS)) this.measure(room, size);
    if (size.upperBound + update.byteLength <= this.maxBytes) return undefined;
    return { action: "refuse", reason: `This document has reached its maximum size (${Math.round(this.maxBytes / (1024 * 1024))} MiB)` };
  }

  onChange({ room, update }: { room: Room; update: Uint8Array }): void {
    const size = this.sizes.get(room);
    if (size) size.upperBound += update.byteLength;
  }

  /** The room's size, measured on its first update (after loading, which onChange does not see). */
  private sizeOf(room: Room): RoomSize {
    let size = this.sizes.get(room);
    if (!size) {
      size = { upperBound: 0, measured: 0, measuredAt: 0 };
      this.measure(room, size);
      this.sizes.set(room, size);
    }
    return size;
  }

  private measure(room: Room, size: RoomSize): void {
    size.measured = size.upperBound = Y.encodeStateAsUpdate(room.doc).byteLength;
    size.measuredAt = Date.now();
  }
}
