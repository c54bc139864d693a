// Awareness updates are client-written JSON. Before the server applies one it
// decodes it, keeps only entries for client ids this connection owns, and
// stamps each state's `user` with the identity from the session, so nobody can
// show up under someone else's name or move someone else's caret.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { equalityDeep } from "lib0/function";
import type { Awareness } from "y-protocols/awareness";
import { presenceStateFrom } from "./presenceState";

export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };
export type AwarenessIdentity = { id: string; name: string; color: string };

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
      throw new Error("Awareness state must be an object or null");
    }
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Returns the entries this connection may set, each state rebuilt from the
 * fields the editor uses: `user` is the session identity, `cursor` is kept
 * only if valid (presenceState.ts). `claim` decides whether a client id
 * belongs to the connection (claiming it on first sight when nobody else holds it).
 */
export function sanitizeAwarenessEntries(
  entries: AwarenessEntry[],
  identity: AwarenessIdentity,
  claim: (clientId: number) => boolean,
): AwarenessEntry[] {
  return entries
    .filter((entry) => claim(entry.clientId))
    .map((entry) => (entry.state === null ? entry : { ...entry, state: presenceStateFrom(entry.state, identity) }));
}

/**
 * Applies decoded entries to `awareness` as y-protocols' applyAwarenessUpdate
 * would (newer clocks only; a null state removes), without encoding them
 * first only to decode them again: presence is most of what a busy room
 * handles. Emits the same 'change' and 'update' events.
 */
export function applyAwarenessEntries(awareness: Awareness, entries: AwarenessEntry[], origin: unknown): void {
  const timestamp = Date.now();
  const added: number[] = [];
  const updated: number[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  for (const { clientId, clock, state } of entries) {
    const meta = awareness.meta.get(clientId);
    const currentClock = meta === undefined ? 0 : meta.clock;
    if (!(currentClock < clock || (currentClock === clock && state === null && awareness.states.has(clientId)))) continue;
    const previous = awareness.states.get(clientId);
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state);
    awareness.meta.set(clientId, { clock, lastUpdated: timestamp });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (!equalityDeep(state, previous)) changed.push(clientId);
      updated.push(clientId);
    }
  }
  if (added.length > 0 || changed.length > 0 || removed.length > 0) awareness.emit("change", [{ added, updated: changed, removed }, origin]);
  if (added.length > 0 || updated.length > 0 || removed.length > 0) awareness.emit("update", [{ added, updated, removed }, origin]);
}
