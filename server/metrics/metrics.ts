// The process's Prometheus metrics (prom-client). One registry per process,
// kept on globalThis: the sync server's extension and the sign-in throttle
// record into it from the custom server's copy of the modules, and
// GET /api/metrics reads it from Next's copy (server/processGlobal.ts).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { processGlobal } from "../processGlobal";

export type NewsroomMetrics = ReturnType<typeof createMetrics>;

/** Seconds: from well under a tick to the write-behind's retries. */
const LAG_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  // Process figures, event-loop lag (nodejs_eventloop_lag_*) among them.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({ name: "newsroom_collab_connections", help: "Open sync sockets (admitted to a room).", registers }),
    openRooms: new Gauge({ name: "newsroom_collab_open_rooms", help: "Documents open in a room on this process.", registers }),
    updatesReceived: new Counter({ name: "newsroom_collab_updates_received_total", help: "Document updates received from clients (before any check).", registers }),
    updateBytesReceived: new Counter({ name: "newsroom_collab_update_bytes_received_total", help: "Bytes of document updates received from clients.", registers }),
    messagesSent: new Counter({ name: "newsroom_collab_messages_sent_total", help: "Messages sent to clients (updates, presence, events).", registers }),
    bytesSent: new Counter({ name: "newsroom_collab_bytes_sent_total", help: "Bytes sent to clients.", registers }),
    fanOutLag: new Histogram({
      name: "newsroom_collab_fanout_lag_seconds",
      help: "From a change applied to a room's document to the next update sent to its clients.",
      buckets: LAG_BUCKETS,
      registers,
    }),
    persistenceLag: new Histogram({
      name: "newsroom_collab_persistence_lag_seconds",
      help: "Age of the oldest change a completed update-log write covered (the write-behind window, plus retries).",
      buckets: LAG_BUCKETS,
      registers,
    }),
    writeErrors: new Counter({
      name: "newsroom_collab_write_errors_total",
      help: "Failed writes of the update log (each is retried) and failed compactions.",
      labelNames: ["kind"] as const,
      registers,
    }),
    signInAttempts: new Counter({
      name: "newsroom_signin_attempts_total",
      help: "Sign-in attempts by the throttle's verdict: allowed, or throttled (answered 429).",
      labelNames: ["verdict"] as const,
      registers,
    }),
  };
}

const shared = processGlobal<NewsroomMetrics>("metrics");

/** The process's metrics, created on first use. */
export function getMetrics(): NewsroomMetrics {
  return shared.getOrCreate(createMetrics);
}
