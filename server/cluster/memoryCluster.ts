// Nodes linked in memory instead of through Redis, for unit tests of the
// cluster extensions' own logic (the multi-node integration test runs real
// processes and a real redis-server). Messages are delivered on a later turn,
// as Redis would; `dropping` loses every message while set, as a Redis that
// dropped them would; `lose` tells the others a node stopped.
import type { ClusterMessage } from "./clusterMessages";
import type { DocumentMessage } from "./documentMessages";
import type { ClusterLink } from "./redisCluster";

export class MemoryCluster {
  dropping = false;
  private readonly links = new Map<string, MemoryLink>();

  link(nodeId: string): ClusterLink {
    const link = new MemoryLink(nodeId, this);
    this.links.set(nodeId, link);
    return link;
  }

  /** The node stopped: it receives nothing more, and every other node hears it is lost. */
  lose(nodeId: string): void {
    this.links.delete(nodeId);
    for (const link of this.links.values()) for (const listener of link.lost) listener(nodeId);
  }

  deliver(from: string, deliverTo: (link: MemoryLink) => void): void {
    if (this.dropping) return;
    const targets = [...this.links.values()].filter((link) => link.nodeId !== from);
    setImmediate(() => targets.forEach(deliverTo));
  }

  others(nodeId: string): string[] {
    return [...this.links.keys()].filter((id) => id !== nodeId);
  }
}

class MemoryLink implements ClusterLink {
  readonly connected = true;
  readonly messages = new Set<(message: ClusterMessage) => void>();
  readonly documents = new Map<string, (message: DocumentMessage) => void>();
  readonly lost = new Set<(nodeId: string) => void>();

  constructor(
    readonly nodeId: string,
    private readonly cluster: MemoryCluster,
  ) {}

  liveNodes = () => this.cluster.others(this.nodeId);
  publish(message: ClusterMessage): void {
    this.cluster.deliver(this.nodeId, (link) => link.messages.forEach((listener) => listener(message)));
  }
  onMessage(listener: (message: ClusterMessage) => void) {
    this.messages.add(listener);
    return () => this.messages.delete(listener);
  }
  joinDocument(documentId: string, listener: (message: DocumentMessage) => void): void {
    this.documents.set(documentId, listener);
  }
  leaveDocument(documentId: string): void {
    this.documents.delete(documentId);
  }
  publishDocument(documentId: string, message: DocumentMessage): void {
    this.cluster.deliver(this.nodeId, (link) => link.documents.get(documentId)?.(message));
  }
  onNodeLost(listener: (nodeId: string) => void) {
    this.lost.add(listener);
    return () => this.lost.delete(listener);
  }
  onNodeJoined() {
    return () => {};
  }
  onReconnect() {
    return () => {};
  }
  async close(): Promise<void> {}
}
