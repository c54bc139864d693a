// Installs the sync bridge (syncBridge.ts): what route handlers may ask of
// the sync server. Alone, it acts on this node's rooms. With several nodes it
// also asks the others — to store a document now (clusterFlush.ts), to
// deliver review and dashboard events — and reads back the log rows this
// node's room lacks before answering with its content or editing it.
import * as Y from "yjs";
import { createClusterFlush } from "../../cluster/clusterFlush";
import type { ClusterLink } from "../../cluster/redisCluster";
import { AppError } from "../../errors";
import { deliverNewsroomEvent } from "../../newsroom/newsroomEvents";
import type { CollabExtension, CollabServerHandle } from "../extension";
import { replaceDocumentContent } from "../replaceDocumentContent";
import type { Room } from "../Room";
import { installSyncBridge, type ClusterHealth, type SyncBridge } from "../syncBridge";
import type { DocumentEventsExtension } from "./DocumentEventsExtension";
import type { PersistenceExtension } from "./PersistenceExtension";

export type SyncBridgeOptions = {
  documentEvents: DocumentEventsExtension;
  /** With a cluster: reads back other nodes' rows before answering (absent in tests without storage). */
  persistence?: PersistenceExtension;
  cluster?: ClusterLink;
};

export class SyncBridgeExtension implements CollabExtension {
  readonly name = "sync-bridge";

  constructor(private readonly options: SyncBridgeOptions) {}

  onConfigure(server: CollabServerHandle): () => void {
    const { documentEvents, persistence, cluster } = this.options;
    const flushHere = async (documentId: string) => {
      await server.rooms.get(documentId)?.store("request");
    };
    const clusterFlush = cluster && createClusterFlush(cluster, flushHere);
    const flushEverywhere = (documentId: string) => (clusterFlush ? clusterFlush.flushEverywhere(documentId) : flushHere(documentId));
    // Other nodes' rows are in the log once they flushed; a room here holds them after reading them back.
    const catchUp = async (room: Room) => {
      if (cluster) await persistence?.catchUp(room);
    };

    const stopClusterEvents = cluster?.onMessage((message) => {
      if (message.type === "document-event") documentEvents.deliver(message.documentId, message.event, { rolesChanged: message.rolesChanged });
      else if (message.type === "newsroom-event") deliverNewsroomEvent(message.event);
    });

    const bridge: SyncBridge = {
      async currentState(documentId) {
        // Alone, this node's room (if any) is the whole truth. With others,
        // what they hold must reach the log, where the store or our room's
        // catch-up reads it.
        if (clusterFlush) await clusterFlush.flushEverywhere(documentId);
        const room = server.rooms.get(documentId);
        if (!room) return null;
        await catchUp(room);
        return Y.encodeStateAsUpdate(room.doc);
      },
      flush: flushEverywhere,
      async replaceContent(documentId, authorId, content) {
        if (server.closing) throw new AppError("unavailable", "The server is shutting down");
        // The edit replaces the text as it is everywhere: what other nodes hold is stored and read back first.
        if (clusterFlush) await clusterFlush.flushEverywhere(documentId);
        const room = await server.openRoom(documentId);
        try {
          await catchUp(room);
          room.applyServerEdit(authorId, (doc) => replaceDocumentContent(doc, content));
          await room.store("request");
        } finally {
          void server.releaseRoom(room);
        }
      },
      publishDocumentEvent(documentId, event, options) {
        documentEvents.deliver(documentId, event, options);
        cluster?.publish({ type: "document-event", nodeId: cluster.nodeId, documentId, event, rolesChanged: Boolean(options.rolesChanged) });
      },
      relayNewsroomEvent(event) {
        cluster?.publish({ type: "newsroom-event", nodeId: cluster.nodeId, event });
      },
      health(): ClusterHealth {
        if (!cluster) return { mode: "single" };
        return { mode: "cluster", redis: cluster.connected ? "connected" : "unreachable", nodeId: cluster.nodeId, otherNodes: cluster.liveNodes().length };
      },
    };
    const uninstall = installSyncBridge(bridge);
    return () => {
      uninstall();
      stopClusterEvents?.();
      clusterFlush?.stop();
    };
  }
}
