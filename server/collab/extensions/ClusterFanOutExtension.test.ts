// Rules N1–N3 with two nodes' rooms on one in-memory store and an in-memory
// link (the integration test runs real nodes, Redis and nginx).
import { describe, expect, it } from "vitest";
import { documentTextFromYDoc } from "../../documents/documentState";
import { MemoryCluster } from "../../cluster/memoryCluster";
import { ExtensionRunner, type CollabServerHandle } from "../extension";
import { createMemoryDocumentStore, type MemoryDocumentStore } from "../memoryDocumentStore";
import { Room } from "../Room";
import { fakeConnection, settle, stateOf, typist, updateFrame } from "../testing";
import { ClusterFanOutExtension } from "./ClusterFanOutExtension";
import { PersistenceExtension } from "./PersistenceExtension";

const quiet = { info: () => {}, error: () => {} };

async function node(cluster: MemoryCluster, nodeId: string, store: MemoryDocumentStore) {
  const persistence = new PersistenceExtension({ store, logger: quiet, sharedLog: true });
  const fanOut = new ClusterFanOutExtension(cluster.link(nodeId), persistence, quiet, { catchUpIntervalMs: 60_000 });
  const room = new Room("doc", new ExtensionRunner([persistence, fanOut]), quiet);
  fanOut.onConfigure({ rooms: new Map([["doc", room]]) } as unknown as CollabServerHandle);
  await room.load();
  const editor = fakeConnection("editor", `author-${nodeId}`);
  room.admit(editor.connection);
  return { room, editor, persistence, fanOut };
}

// A paragraph of its own per call, as a new client would send it.
const type = (target: Awaited<ReturnType<typeof node>>, text: string) => target.room.receive(target.editor.connection, updateFrame(stateOf(typist(text).doc)));
const textOf = (target: Awaited<ReturnType<typeof node>>) => documentTextFromYDoc(target.room.doc);
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};

describe("ClusterFanOutExtension", () => {
  it("N1: relays what a node accepts to the other node's room and clients; each update is stored once, by the node that accepted it", async () => {
    const cluster = new MemoryCluster();
    const store = createMemoryDocumentStore();
    const a = await node(cluster, "a", store);
    const b = await node(cluster, "b", store);
    type(a, "From A");
    type(b, "From B");
    await until(() => textOf(a).includes("From B") && textOf(b).includes("From A"));
    await a.room.store("request");
    await b.room.store("request");
    expect(store.rows("doc").map((row) => row.authorId).sort()).toEqual(["author-a", "author-b"]);
  });

  it("N2: what Redis dropped is read back from the log", async () => {
    const cluster = new MemoryCluster();
    const store = createMemoryDocumentStore();
    const a = await node(cluster, "a", store);
    const b = await node(cluster, "b", store);
    cluster.dropping = true;
    type(a, "Lost in transit");
    await settle();
    await a.room.store("request");
    cluster.dropping = false;
    expect(textOf(b)).not.toContain("Lost in transit");
    // The next relay shows a gap in A's sequence numbers: B reads the log back.
    type(a, "Next one");
    await until(() => textOf(b).includes("Lost in transit") && textOf(b).includes("Next one"));
    // Read back, not stored again.
    await b.room.store("request");
    expect(store.rows("doc").filter((row) => row.authorId === "author-b")).toHaveLength(0);
  });

  it("N3: a lost node's relays that it never confirmed are stored by the node that received them", async () => {
    const cluster = new MemoryCluster();
    const store = createMemoryDocumentStore();
    const failing = { ...store, append: () => Promise.reject(new Error("database unreachable from node A")) };
    const a = await node(cluster, "a", failing as MemoryDocumentStore);
    const b = await node(cluster, "b", store);
    type(a, "Only A had it");
    await until(() => textOf(b).includes("Only A had it"));
    expect(store.rows("doc")).toHaveLength(0);
    cluster.lose("a");
    await b.room.store("request");
    expect(store.rows("doc").map((row) => row.authorId)).toEqual(["author-a"]);
    a.room.destroy();
  });
});
