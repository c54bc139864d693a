// Newsroom-wide events for open dashboards. Domain functions publish (in
// Next's bundle or the server's); the live channel, installed by the server,
// listens. A process global, as the two bundles load separate module copies.
// With several nodes, the sync bridge relays each event to the other nodes,
// which deliver it to their own dashboards.
import type { NewsroomEvent } from "../../lib/newsroomEvents";
import { syncBridge } from "../collab/syncBridge";
import { processGlobal } from "../processGlobal";
import { getLogger } from "../log";

type Listener = (event: NewsroomEvent) => void;
const listeners = processGlobal<Set<Listener>>("newsroomEvents");

function all(): Set<Listener> {
  return listeners.getOrCreate(() => new Set());
}

/** Listens until the returned function is called. */
export function subscribeNewsroomEvents(listener: Listener): () => void {
  all().add(listener);
  return () => all().delete(listener);
}

/** Tells this node's dashboards and, through the sync bridge, every other node's. */
export function publishNewsroomEvent(event: NewsroomEvent): void {
  deliverNewsroomEvent(event);
  syncBridge()?.relayNewsroomEvent(event);
}

/** Tells this node's dashboards only (an event another node relayed). */
export function deliverNewsroomEvent(event: NewsroomEvent): void {
  for (const listener of all()) {
    try {
      listener(event);
    } catch (error) {
      getLogger().error({ component: "newsroom", event, err: error }, "event listener failed");
    }
  }
}
