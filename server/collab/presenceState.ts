// What a presence (awareness) state may hold. The editor uses two fields:
// `user` (who: the server writes it from the session) and `cursor` (where:
// two Yjs relative positions as JSON, or null). Everything else a client puts
// in its state is dropped, and a cursor that is not two valid relative
// positions is dropped too: the caret plugin of every other editor throws on
// one (`cursor: { anchor: null }`), and a relayed 1 MiB state would cost every
// reader its bandwidth.
import type { AwarenessIdentity } from "./awarenessUpdate";

/** Largest presence state a client may send, as JSON; ours is ~250 bytes. Larger is abuse (closed with 1009). */
export const MAX_PRESENCE_STATE_BYTES = 4 * 1024;

type Id = { client: number; clock: number };
export type RelativePositionJson = { type?: Id | null; tname?: string | null; item?: Id | null; assoc?: number | null };
export type PresenceCursor = { anchor: RelativePositionJson; head: RelativePositionJson };
export type PresenceState = { user: AwarenessIdentity; cursor?: PresenceCursor | null };

const MAX_TYPE_NAME_LENGTH = 64;
const RELATIVE_POSITION_KEYS = new Set(["type", "tname", "item", "assoc"]);

/** The state other editors receive: the session's identity, and the sender's cursor if it is valid. */
export function presenceStateFrom(state: Record<string, unknown>, identity: AwarenessIdentity): PresenceState {
  const cursor = state.cursor;
  if (cursor === null) return { user: identity, cursor: null };
  return isPresenceCursor(cursor) ? { user: identity, cursor: { anchor: cursor.anchor, head: cursor.head } } : { user: identity };
}

export function isPresenceCursor(value: unknown): value is PresenceCursor {
  if (!isPlainObject(value)) return false;
  return isRelativePositionJson(value.anchor) && isRelativePositionJson(value.head);
}

/**
 * A relative position as JSON: an item id, or a type (by id or root name), and
 * an assoc. Y.relativePositionToJSON leaves absent fields out; a
 * RelativePosition object serialised as it is (what the caret plugin puts in
 * awareness) writes them as null. Both are read by createRelativePositionFromJSON.
 */
export function isRelativePositionJson(value: unknown): value is RelativePositionJson {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!RELATIVE_POSITION_KEYS.has(key)) return false;
  const { type, tname, item, assoc } = value;
  if (type != null && !isId(type)) return false;
  if (item != null && !isId(item)) return false;
  if (tname != null && (typeof tname !== "string" || tname.length === 0 || tname.length > MAX_TYPE_NAME_LENGTH)) return false;
  if (assoc != null && !(Number.isSafeInteger(assoc) && (assoc as number) >= -1 && (assoc as number) <= 1)) return false;
  return type != null || tname != null || item != null;
}

function isId(value: unknown): value is Id {
  if (!isPlainObject(value)) return false;
  const { client, clock } = value;
  return isUint(client) && isUint(clock) && Object.keys(value).length === 2;
}

const isUint = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether a parsed JSON value would take more than `limit` bytes as JSON
 * (approximately: strings by length, a few bytes per punctuation). Stops as
 * soon as the budget is spent, so a huge state costs no more than a small one.
 */
export function jsonSizeExceeds(value: unknown, limit: number): boolean {
  let budget = limit;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === "string") budget -= current.length + 2;
    else if (Array.isArray(current)) {
      budget -= 2 + current.length;
      if (budget < 0) return true;
      for (const item of current) stack.push(item);
    } else if (current !== null && typeof current === "object") {
      budget -= 2;
      for (const key in current) {
        budget -= key.length + 4;
        stack.push((current as Record<string, unknown>)[key]);
        if (budget < 0) return true;
      }
    } else budget -= 8;
    if (budget < 0) return true;
  }
  return false;
}
