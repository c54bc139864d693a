// This node's link to the others through Redis (REDIS_URL): one connection
// publishes, one subscribes. Redis pub/sub may drop messages (a subscriber's
// buffer overflows, a connection breaks), so nothing here is relied on for
// durability: documents converge through the PostgreSQL log (catch-up), and
// Redis only makes it fast. See docs/SYNC.md, "Several nodes".
//
// Liveness: every node publishes a heartbeat each HEARTBEAT_MS; a node not
// heard from for NODE_TIMEOUT_MS is lost, and the others act for it (store
// what it relayed but had not confirmed, forget its presence).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { decodeClusterMessage, encodeClusterMessage, type ClusterMessage } from "./clusterMessages";
import { decodeDocumentMessage, encodeDocumentMessage, type DocumentMessage } from "./documentMessages";

export const HEARTBEAT_MS = 1_000;
export const NODE_TIMEOUT_MS = 4_000;
const CLUSTER_CHANNEL = "newsroom:cluster";
const documentChannel = (documentId: string) => `newsroom:doc:${documentId}`;

export type ClusterLogger = {
  info: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
};

export type ClusterLink = {
  readonly nodeId: string;
  /** Connected to Redis (both connections ready). */
  readonly connected: boolean;
  /** The other nodes heard from within NODE_TIMEOUT_MS. */
  liveNodes(): string[];
  publish(message: ClusterMessage): void;
  onMessage(listener: (message: ClusterMessage) => void): () => void;
  /** Subscribes to a document's channel; messages from this node itself are not delivered. */
  joinDocument(documentId: string, listener: (message: DocumentMessage) => void): void;
  leaveDocument(documentId: string): void;
  publishDocument(documentId: string, message: DocumentMessage): void;
  /** Another node stopped: its heartbeats stopped, or it said it was leaving. */
  onNodeLost(listener: (nodeId: string) => void): () => void;
  /** A node was heard from that was not known (it started, or it is back after being lost). */
  onNodeJoined(listener: (nodeId: string) => void): () => void;
  /** The link to Redis came back after a break (messages may have been missed meanwhile). */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
};

export function connectCluster(options: { url: string; logger: ClusterLogger; nodeId?: string }): ClusterLink {
  const nodeId = options.nodeId ?? randomUUID();
  const { logger } = options;
  // Publishing fails at once while Redis is away (no offline queue): a stale
  // relay is worth nothing once catch-up has run, and queuing would grow
  // without bound during an outage.
  const publisher = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  const subscriber = new Redis(options.url, { maxRetriesPerRequest: null, autoResubscribe: true });
  const clusterListeners = new Set<(message: ClusterMessage) => void>();
  const lostListeners = new Set<(nodeId: string) => void>();
  const joinedListeners = new Set<(nodeId: string) => void>();
  const reconnectListeners = new Set<() => void>();
  const documentListeners = new Map<string, (message: DocumentMessage) => void>();
  const lastHeard = new Map<string, number>();
  let wasReady = false;
  let closed = false;

  const reportError = (which: string) => (error: Error) => {
    if (!closed) logger.error(`redis ${which} connection error`, { error: error.message });
  };
  publisher.on("error", reportError("publish"));
  subscriber.on("error", reportError("subscribe"));
  subscriber.on("ready", () => {
    // ioredis subscribes again on its own; what was sent meanwhile is lost.
    if (wasReady) for (const listener of reconnectListeners) listener();
    wasReady = true;
  });

  void subscriber.subscribe(CLUSTER_CHANNEL).catch(reportError("subscribe"));
  subscriber.on("messageBuffer", (channelBuffer: Buffer, data: Buffer) => {
    const channel = channelBuffer.toString();
    if (channel === CLUSTER_CHANNEL) return receiveClusterMessage(data.toString());
    const documentId = channel.slice(documentChannel("").length);
    const listener = documentListeners.get(documentId);
    if (!listener) return;
    let message: DocumentMessage;
    try {
      message = decodeDocumentMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      return logger.error("dropped a malformed document message", { documentId, error: String(error) });
    }
    if (message.nodeId === nodeId) return;
    heard(message.nodeId);
    listener(message);
  });

  function receiveClusterMessage(raw: string): void {
    const message = decodeClusterMessage(raw);
    if (!message || message.nodeId === nodeId) return;
    if (message.type === "leaving") return forget(message.nodeId);
    heard(message.nodeId);
    for (const listener of clusterListeners) {
      try {
        listener(message);
      } catch (error) {
        logger.error("cluster message handler failed", { type: message.type, error: String(error) });
      }
    }
  }

  function heard(other: string): void {
    const known = lastHeard.has(other);
    lastHeard.set(other, Date.now());
    if (!known) for (const listener of joinedListeners) listener(other);
  }

  function forget(other: string): void {
    if (!lastHeard.delete(other)) return;
    logger.info("node lost", { nodeId: other });
    for (const listener of lostListeners) listener(other);
  }

  const publishRaw = (channel: string, payload: string | Buffer) => {
    if (closed || publisher.status !== "ready") return;
    publisher.publish(channel, payload).catch(() => {
      // Redis is away: the others catch up from PostgreSQL.
    });
  };

  const publish = (message: ClusterMessage) => publishRaw(CLUSTER_CHANNEL, encodeClusterMessage(message));

  const beat = setInterval(() => {
    publish({ type: "heartbeat", nodeId });
    const now = Date.now();
    for (const [other, at] of lastHeard) if (now - at > NODE_TIMEOUT_MS) forget(other);
  }, HEARTBEAT_MS);
  beat.unref();
  publisher.once("ready", () => publish({ type: "heartbeat", nodeId }));

  return {
    nodeId,
    get connected() {
      return publisher.status === "ready" && subscriber.status === "ready";
    },
    liveNodes: () => [...lastHeard.keys()],
    publish,
    onMessage(listener) {
      clusterListeners.add(listener);
      return () => clusterListeners.delete(listener);
    },
    joinDocument(documentId, listener) {
      documentListeners.set(documentId, listener);
      void subscriber.subscribe(documentChannel(documentId)).catch(reportError("subscribe"));
    },
    leaveDocument(documentId) {
      if (!documentListeners.delete(documentId)) return;
      void subscriber.unsubscribe(documentChannel(documentId)).catch(() => {});
    },
    publishDocument(documentId, message) {
      publishRaw(documentChannel(documentId), Buffer.from(encodeDocumentMessage(message)));
    },
    onNodeLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    onNodeJoined(listener) {
      joinedListeners.add(listener);
      return () => joinedListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async close() {
      clearInterval(beat);
      if (publisher.status === "ready") await publisher.publish(CLUSTER_CHANNEL, encodeClusterMessage({ type: "leaving", nodeId })).catch(() => {});
      closed = true;
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
