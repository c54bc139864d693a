// Newsroom-wide events for open dashboards. Domain functions publish (in
// Next's bundle or the server's); the live channel, installed by the server,
// listens. A process global, as the two bundles load separate module copies.
import type { NewsroomEvent } from "../../lib/newsroomEvents";
import { processGlobal } from "../processGlobal";
import { getLogger } from "../log";

type Listener = (event: NewsroomEvent) => void;
const listeners = processGlobal<Set<Listener>>("newsroomEvents");

function all(): Set<Listener> {
  let current = listeners.get();
  if (!current) {
    current = new Set();
    listeners.set(current);
  }
  return current;
}

/** Listens until the returned function is called. */
export function subscribeNewsroomEvents(listener: Listener): () => void {
  all().add(listener);
  return () => all().delete(listener);
}

export function publishNewsroomEvent(event: NewsroomEvent): void {
  for (const listener of all()) {
    try {
      listener(event);
    } catch (error) {
      getLogger().error({ component: "newsroom", event, err: error }, "event listener failed");
    }
  }
}
