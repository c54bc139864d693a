// Batching and catch-up (docs/SYNC.md rules B2, B3, L3) with recorded sockets.
import { documentTextFromYDoc } from "../documents/documentState";
import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import { applyAwarenessEntries } from "./awarenessUpdate";
import { ClientsOrigin } from "./origins";
import { BEHIND_BUFFERED_BYTES, MAX_BEHIND_MS, presenceWindowMs, RoomFanOut } from "./RoomFanOut";
import { fakeConnection, typist } from "./testing";

function setup(connectionCount: number) {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const fanOut = new RoomFanOut(doc, awareness);
  const clients = Array.from({ length: connectionCount }, () => fakeConnection());
  const connections = new Set(clients.map((client) => client.connection));
  // What the room does: every change of the document goes to the fan-out.
  doc.on("update", (update: Uint8Array, origin: unknown) => fanOut.addUpdate(update, origin instanceof ClientsOrigin ? origin : undefined));
  return { doc, awareness, fanOut, clients, connections };
}

describe("RoomFanOut", () => {
  it("B2: merges the updates of a flush into one message per client", () => {
    const { doc, fanOut, clients, connections } = setup(3);
    const author = typist();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author.doc));
    for (const update of author.type("hello")) Y.applyUpdate(doc, update);
    fanOut.flush(connections);
    for (const { socket } of clients) {
      expect(socket.sent).toHaveLength(1);
      const view = new Y.Doc();
      socket.applyReceived(view);
      expect(documentTextFromYDoc(view)).toBe("hello");
    }
  });

  it("B2: presence is coalesced to each client's latest state, and held for the window in large rooms", () => {
    expect(presenceWindowMs(10)).toBeLessThanOrEqual(1);
    expect(presenceWindowMs(500)).toBe(1250);
    expect(presenceWindowMs(5000)).toBe(3000);
    const { awareness, fanOut, clients, connections } = setup(2);
    applyAwarenessEntries(awareness, [{ clientId: 7, clock: 1, state: { cursor: 1 } }], undefined);
    fanOut.addAwareness([7], undefined);
    applyAwarenessEntries(awareness, [{ clientId: 7, clock: 2, state: { cursor: 2 } }], undefined);
    fanOut.addAwareness([7], undefined);
    fanOut.flush(connections);
    expect(clients[0]!.socket.messageTypes()).toEqual([1]);

    const big = setup(200);
    applyAwarenessEntries(big.awareness, [{ clientId: 7, clock: 1, state: { cursor: 1 } }], undefined);
    big.fanOut.addAwareness([7], undefined);
    expect(big.fanOut.flush(big.connections)).toBeUndefined();
    applyAwarenessEntries(big.awareness, [{ clientId: 7, clock: 2, state: { cursor: 2 } }], undefined);
    big.fanOut.addAwareness([7], undefined);
    const dueIn = big.fanOut.flush(big.connections);
    expect(dueIn).toBeGreaterThan(0);
    expect(big.clients[0]!.socket.messageTypes()).toEqual([1]);
  });

  it("B3/L3: a client that stops reading is skipped, then caught up with one diff once it drains", () => {
    const { doc, fanOut, clients, connections } = setup(2);
    const [slow, fast] = clients as [ReturnType<typeof fakeConnection>, ReturnType<typeof fakeConnection>];
    const author = typist();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author.doc));
    fanOut.flush(connections);

    slow.socket.bufferedAmount = BEHIND_BUFFERED_BYTES + 1;
    for (const char of "abcdef") {
      for (const update of author.type(char)) Y.applyUpdate(doc, update);
      expect(fanOut.flush(connections)).toBeGreaterThan(0);
    }
    expect(slow.socket.sent).toHaveLength(1);
    expect(fast.socket.sent).toHaveLength(7);

    slow.socket.bufferedAmount = 0;
    fanOut.flush(connections);
    const view = new Y.Doc();
    slow.socket.applyReceived(view);
    expect(documentTextFromYDoc(view)).toBe("abcdef");
    expect(slow.connection.behindFrom).toBeNull();
  });

  it("L3: a client still behind after MAX_BEHIND_MS is closed with 1001", () => {
    const { doc, fanOut, clients, connections } = setup(1);
    const slow = clients[0]!;
    slow.socket.bufferedAmount = BEHIND_BUFFERED_BYTES + 1;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(typist("x").doc));
    fanOut.flush(connections);
    slow.connection.behindSince -= MAX_BEHIND_MS + 1;
    fanOut.flush(connections);
    expect(slow.socket.closedWith?.code).toBe(CloseCode.goingAway);
  });
});
