// "Editing now" across nodes (rule N4): each node announces who is connected
// to a document through it whenever that changes, answers a starting node's
// query with all its lists, tells a node it had not heard from (new, or back
// after being taken for lost, which made it forget ours) all its lists, and
// forgets a node that stopped. Every change
// reaches this node's dashboards as an "editing" event once the registry
// holds it. After EditingNowExtension in the list (the registry is current).
import type { ClusterLink } from "../../cluster/redisCluster";
import { deliverNewsroomEvent } from "../../newsroom/newsroomEvents";
import type { CollabExtension } from "../extension";
import { forgetNodePresence, localPresence, localPresentUsers, setRemotePresence } from "../presenceRegistry";
import type { Room } from "../Room";

export class ClusterPresenceExtension implements CollabExtension {
  readonly name = "cluster-presence";

  constructor(private readonly cluster: ClusterLink) {}

  onConfigure(): () => void {
    const { cluster } = this;
    const announceAll = () => {
      for (const [documentId, users] of localPresence()) cluster.publish({ type: "editing", nodeId: cluster.nodeId, documentId, users });
    };
    const stopMessages = cluster.onMessage((message) => {
      if (message.type === "editing") {
        setRemotePresence(message.nodeId, message.documentId, message.users);
        deliverNewsroomEvent({ type: "editing", documentId: message.documentId });
      } else if (message.type === "editing-query") {
        announceAll();
      }
    });
    const stopLost = cluster.onNodeLost((nodeId) => {
      for (const documentId of forgetNodePresence(nodeId)) deliverNewsroomEvent({ type: "editing", documentId });
    });
    const stopJoined = cluster.onNodeJoined(() => announceAll());
    // Lists announced while this node was away from Redis were missed: ask again.
    const stopReconnect = cluster.onReconnect(() => cluster.publish({ type: "editing-query", nodeId: cluster.nodeId }));
    cluster.publish({ type: "editing-query", nodeId: cluster.nodeId });
    return () => {
      stopMessages();
      stopLost();
      stopJoined();
      stopReconnect();
    };
  }

  onConnect({ room }: { room: Room }): void {
    this.announce(room.documentId);
  }

  onDisconnect({ room }: { room: Room }): void {
    this.announce(room.documentId);
  }

  private announce(documentId: string): void {
    this.cluster.publish({ type: "editing", nodeId: this.cluster.nodeId, documentId, users: localPresentUsers(documentId) });
  }
}
