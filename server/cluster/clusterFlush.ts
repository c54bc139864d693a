// "Store this document now, everywhere it is open": a route that needs the
// log current (a version, an approval's pinned text) asks every node and
// waits for each live node's answer — or FLUSH_TIMEOUT_MS, after which a node
// that has not answered is treated as lost (its relays are stored by the
// others, rule N3). Nodes that do not have the document open answer at once.
import { randomUUID } from "node:crypto";
import type { ClusterLink } from "./redisCluster";

export const FLUSH_TIMEOUT_MS = 3_000;

export type ClusterFlush = {
  /** Stores the document on this node and every other live node; resolves when all answered (or the timeout). */
  flushEverywhere(documentId: string): Promise<void>;
  stop(): void;
};

export function createClusterFlush(cluster: ClusterLink, flushHere: (documentId: string) => Promise<void>): ClusterFlush {
  const waiting = new Map<string, { nodes: Set<string>; done: () => void }>();

  const answered = (requestId: string, nodeId: string) => {
    const request = waiting.get(requestId);
    if (!request) return;
    request.nodes.delete(nodeId);
    if (request.nodes.size === 0) request.done();
  };

  const stopMessages = cluster.onMessage((message) => {
    if (message.type === "flush-request") {
      void flushHere(message.documentId)
        .catch(() => {
          // Storing failed here (the write-behind retries): the asker still gets an answer.
        })
        .finally(() => cluster.publish({ type: "flush-reply", nodeId: cluster.nodeId, requestId: message.requestId, to: message.nodeId }));
    } else if (message.type === "flush-reply" && message.to === cluster.nodeId) {
      answered(message.requestId, message.nodeId);
    }
  });
  const stopLost = cluster.onNodeLost((nodeId) => {
    for (const requestId of [...waiting.keys()]) answered(requestId, nodeId);
  });

  return {
    async flushEverywhere(documentId) {
      const others = cluster.connected ? cluster.liveNodes() : [];
      const remote =
        others.length === 0
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const requestId = randomUUID();
              const timeout = setTimeout(finish, FLUSH_TIMEOUT_MS);
              function finish() {
                clearTimeout(timeout);
                waiting.delete(requestId);
                resolve();
              }
              waiting.set(requestId, { nodes: new Set(others), done: finish });
              cluster.publish({ type: "flush-request", nodeId: cluster.nodeId, requestId, documentId });
            });
      await Promise.all([flushHere(documentId), remote]);
    },
    stop() {
      stopMessages();
      stopLost();
      for (const request of waiting.values()) request.done();
    },
  };
}
