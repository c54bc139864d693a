// Several nodes (docs/SYNC.md, rules N1–N5): what this node accepts for a
// document is published on the document's Redis channel and applied by every
// other node that has it open (RemoteOrigin: sent to their clients, never
// stored there). Redis may drop messages, so delivery does not depend on it:
// - N2 catch-up: a room reads back the log rows it lacks when it opens, every
//   catchUpIntervalMs while open, soon after a gap in a node's sequence
//   numbers, and when the link to Redis comes back;
// - N3 confirmations: a node keeps what others relayed until they say it is
//   stored; when a node stops answering, the others store it for it;
// - N4 presence: carets are relayed too, and a lost node's carets removed.
import * as awarenessProtocol from "y-protocols/awareness";
import type { ClusterLink } from "../../cluster/redisCluster";
import type { DocumentMessage } from "../../cluster/documentMessages";
import { decodeAwarenessUpdate } from "../awarenessUpdate";
import { Connection } from "../Connection";
import type { PendingUpdate } from "../documentStore";
import type { CollabExtension, CollabServerHandle } from "../extension";
import { acceptedUpdates, RemoteOrigin, type UpdateOrigin } from "../origins";
import type { Room, RoomLogger } from "../Room";
import type { PersistenceExtension } from "./PersistenceExtension";

/** How often an open room reads back the log rows it lacks (the convergence bound when Redis drops a message). */
export const CATCH_UP_INTERVAL_MS = 2_000;
/** After a gap: long enough for the publisher to have stored the missing update (P1's 250 ms). */
const GAP_CATCH_UP_DELAY_MS = 300;

type PeerState = {
  lastSeq: number;
  /** What the peer relayed and has not yet confirmed as stored, oldest first. */
  unconfirmed: { seq: number; updates: PendingUpdate[] }[];
  origin: RemoteOrigin;
};

type RoomCluster = {
  seq: number;
  /** Our published sequence numbers not yet confirmed, each with the writer's enqueue count when it was published. */
  published: { seq: number; enqueued: number }[];
  peers: Map<string, PeerState>;
  /** Presence states applied from other nodes: client id → node. */
  remoteClients: Map<number, string>;
  awarenessChanged: Set<number>;
  awarenessFlush: NodeJS.Immediate | undefined;
  timer: NodeJS.Timeout;
  gapTimer: NodeJS.Timeout | undefined;
  stopAwareness: () => void;
};

export class ClusterFanOutExtension implements CollabExtension {
  readonly name = "cluster-fan-out";
  private readonly rooms = new Map<string, { room: Room; state: RoomCluster }>();
  private readonly catchUpIntervalMs: number;

  constructor(
    private readonly cluster: ClusterLink,
    private readonly persistence: PersistenceExtension,
    private readonly logger: RoomLogger,
    options: { catchUpIntervalMs?: number } = {},
  ) {
    this.catchUpIntervalMs = options.catchUpIntervalMs ?? CATCH_UP_INTERVAL_MS;
  }

  onConfigure(_server: CollabServerHandle): () => void {
    const stopLost = this.cluster.onNodeLost((nodeId) => this.nodeLost(nodeId));
    const stopReconnect = this.cluster.onReconnect(() => {
      for (const { room } of this.rooms.values()) {
        this.catchUp(room);
        this.cluster.publishDocument(room.documentId, { kind: "awareness-query", nodeId: this.cluster.nodeId });
      }
    });
    return () => {
      stopLost();
      stopReconnect();
    };
  }

  // After the persistence extension (list order): the room holds the stored state.
  async onLoadDocument({ room }: { room: Room }): Promise<void> {
    const state: RoomCluster = {
      seq: 0,
      published: [],
      peers: new Map(),
      remoteClients: new Map(),
      awarenessChanged: new Set(),
      awarenessFlush: undefined,
      // Spread over the interval so that many open rooms do not query together.
      timer: setInterval(() => this.catchUp(room), this.catchUpIntervalMs * (0.75 + Math.random() / 2)),
      gapTimer: undefined,
      stopAwareness: () => {},
    };
    state.timer.unref();
    const onAwareness = ({ added, updated, removed }: Record<"added" | "updated" | "removed", number[]>, origin: unknown) => {
      if (!(origin instanceof Connection)) return;
      for (const id of [...added, ...updated, ...removed]) state.awarenessChanged.add(id);
      state.awarenessFlush ??= setImmediate(() => this.publishAwareness(room, state));
    };
    room.awareness.on("update", onAwareness);
    state.stopAwareness = () => room.awareness.off("update", onAwareness);
    this.rooms.set(room.documentId, { room, state });
    this.cluster.joinDocument(room.documentId, (message) => this.receive(room, state, message));
    this.cluster.publishDocument(room.documentId, { kind: "awareness-query", nodeId: this.cluster.nodeId });
    // What other nodes stored between our load and our subscription is read
    // back at once; what they had not yet stored, once their write-behind has.
    this.scheduleGapCatchUp(room, state);
  }

  onChange({ room, update, origin }: { room: Room; update: Uint8Array; origin: UpdateOrigin | undefined }): void {
    const entry = this.rooms.get(room.documentId);
    if (!entry || entry.room !== room) return;
    // Exactly what this node stores (rule S3): relayed and read-back updates are not ours to relay.
    const updates = acceptedUpdates(update, origin);
    if (updates.length === 0) return;
    const { state } = entry;
    state.seq++;
    // Persistence ran first (list order): the writer's count includes these updates.
    const enqueued = this.persistence.writeProgress(room)?.enqueued ?? 0;
    state.published.push({ seq: state.seq, enqueued });
    this.cluster.publishDocument(room.documentId, { kind: "update", nodeId: this.cluster.nodeId, seq: state.seq, updates });
  }

  afterStoreUpdates({ room }: { room: Room }): void {
    const entry = this.rooms.get(room.documentId);
    const progress = this.persistence.writeProgress(room);
    if (!entry || entry.room !== room || !progress) return;
    const { published } = entry.state;
    let confirmed: number | undefined;
    while (published.length > 0 && published[0]!.enqueued <= progress.stored) confirmed = published.shift()!.seq;
    if (confirmed !== undefined) this.cluster.publishDocument(room.documentId, { kind: "stored", nodeId: this.cluster.nodeId, seq: confirmed });
  }

  afterUnloadDocument({ room }: { room: Room }): void {
    const entry = this.rooms.get(room.documentId);
    if (!entry || entry.room !== room) return;
    this.rooms.delete(room.documentId);
    this.cluster.leaveDocument(room.documentId);
    const { state } = entry;
    clearInterval(state.timer);
    clearTimeout(state.gapTimer);
    if (state.awarenessFlush) clearImmediate(state.awarenessFlush);
    state.stopAwareness();
    // Relays still unconfirmed are in the room's snapshot, which the unload just stored.
  }

  private receive(room: Room, state: RoomCluster, message: DocumentMessage): void {
    if (this.rooms.get(room.documentId)?.room !== room) return;
    switch (message.kind) {
      case "update": {
        const peer = this.peer(state, message.nodeId);
        // A missed sequence number is a message Redis dropped: read it back from the log soon.
        if (peer.lastSeq > 0 && message.seq !== peer.lastSeq + 1) this.scheduleGapCatchUp(room, state);
        peer.lastSeq = message.seq;
        peer.unconfirmed.push({ seq: message.seq, updates: message.updates });
        room.applyRelayed(message.updates.map((entry) => entry.update), peer.origin);
        return;
      }
      case "stored": {
        const peer = this.peer(state, message.nodeId);
        peer.unconfirmed = peer.unconfirmed.filter((relay) => relay.seq > message.seq);
        return;
      }
      case "awareness": {
        const peer = this.peer(state, message.nodeId);
        for (const { clientId, state: presence } of decodeAwarenessUpdate(message.update)) {
          if (presence === null) state.remoteClients.delete(clientId);
          else state.remoteClients.set(clientId, message.nodeId);
        }
        room.applyRelayedAwareness(message.update, peer.origin);
        return;
      }
      case "awareness-query": {
        const local = [...room.awareness.getStates().keys()].filter((id) => !state.remoteClients.has(id));
        if (local.length > 0) {
          const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, local);
          this.cluster.publishDocument(room.documentId, { kind: "awareness", nodeId: this.cluster.nodeId, update });
        }
        return;
      }
    }
  }

  private peer(state: RoomCluster, nodeId: string): PeerState {
    let peer = state.peers.get(nodeId);
    if (!peer) state.peers.set(nodeId, (peer = { lastSeq: 0, unconfirmed: [], origin: new RemoteOrigin(nodeId) }));
    return peer;
  }

  private publishAwareness(room: Room, state: RoomCluster): void {
    state.awarenessFlush = undefined;
    const changed = [...state.awarenessChanged];
    state.awarenessChanged.clear();
    if (changed.length === 0 || this.rooms.get(room.documentId)?.room !== room) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed);
    this.cluster.publishDocument(room.documentId, { kind: "awareness", nodeId: this.cluster.nodeId, update });
  }

  // Rule N3: a node that stopped may have relayed updates it never stored.
  // Every node that received them stores them for it (the log may then hold
  // an update twice; applying it twice changes nothing), and removes its carets.
  private nodeLost(nodeId: string): void {
    for (const { room, state } of this.rooms.values()) {
      const peer = state.peers.get(nodeId);
      state.peers.delete(nodeId);
      if (peer && peer.unconfirmed.length > 0) {
        const updates = peer.unconfirmed.flatMap((relay) => relay.updates);
        this.logger.info("storing updates of a lost node", { documentId: room.documentId, nodeId, updates: updates.length });
        this.persistence.storeOnBehalf(room, updates);
      }
      const carets = [...state.remoteClients].filter(([, owner]) => owner === nodeId).map(([clientId]) => clientId);
      for (const clientId of carets) state.remoteClients.delete(clientId);
      room.removeAwarenessStates(carets, new RemoteOrigin(nodeId));
    }
  }

  private scheduleGapCatchUp(room: Room, state: RoomCluster): void {
    if (state.gapTimer) return;
    state.gapTimer = setTimeout(() => {
      state.gapTimer = undefined;
      this.catchUp(room);
    }, GAP_CATCH_UP_DELAY_MS);
    state.gapTimer.unref();
  }

  private catchUp(room: Room): void {
    this.persistence.catchUp(room).catch((error) => this.logger.error("catch-up from the log failed", { documentId: room.documentId, error: String(error) }));
  }
}
