// SYNC.md rule K1: the server pings every socket each interval and terminates
// the ones that did not answer the previous ping; a client that heard nothing
// for an interval gets an empty awareness message. The interval is shortened
// to 300 ms here (10 s in production).
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

const KEEPALIVE_MS = 300;
/** Message type awareness (1), then a varUint8Array of one byte: an awareness update with zero entries. */
const EMPTY_AWARENESS = [1, 1, 0];
const ABNORMAL_CLOSURE = 1006;

type Observed = {
  socket: WebSocket;
  frames: number[][];
  pings: number;
  opened: Promise<number>;
  closed: Promise<{ code: number; at: number }>;
};

/** A bare `ws` socket that records frames and pings; `autoPong: false` makes it a peer that never answers. */
function observe(url: string, cookie: string, options: { autoPong: boolean }): Observed {
  const socket = new WebSocket(url, { headers: { cookie }, autoPong: options.autoPong });
  const observed: Observed = {
    socket,
    frames: [],
    pings: 0,
    opened: new Promise((resolve, reject) => {
      socket.once("open", () => resolve(Date.now()));
      socket.once("error", reject);
    }),
    closed: new Promise((resolve) => socket.once("close", (code) => resolve({ code, at: Date.now() }))),
  };
  socket.on("message", (data: Buffer) => observed.frames.push([...data]));
  socket.on("ping", () => observed.pings++);
  return observed;
}

function awarenessFrame(doc: Y.Doc, state: Record<string, unknown>): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  return encoding.toUint8Array(encoder);
}

describe("keep-alive", () => {
  const harness = useTestServer({ keepAliveMs: KEEPALIVE_MS });
  const sockets: WebSocket[] = [];
  const open = (documentId: string, cookie: string, options: { autoPong: boolean }) => {
    const observed = observe(`${harness.server.wsUrl}/${documentId}`, cookie, options);
    sockets.push(observed.socket);
    return observed;
  };

  it("K1: an idle healthy client stays connected over many intervals and gets an empty awareness message while idle", { timeout: 30_000 }, async () => {
    try {
      const user = await createTestUser();
      const document = await createTestDocument(user);
      const cookie = await sessionCookie(user);
      const editor = harness.connect(document.id, cookie);
      const idle = open(document.id, cookie, { autoPong: true });
      await Promise.all([editor.waitSynced(), idle.opened]);

      await waitFor(() => idle.pings >= 6, { timeout: 15_000, message: "six keep-alive rounds" });
      const emptyAwareness = idle.frames.filter((frame) => frame.length === 3 && frame.every((byte, i) => byte === EMPTY_AWARENESS[i]));
      expect(emptyAwareness.length).toBeGreaterThan(0);
      expect(idle.socket.readyState).toBe(WebSocket.OPEN);
      // The y-websocket client (which answers pings too) was never dropped either.
      expect(editor.closes).toEqual([]);
      expect(editor.provider.wsconnected).toBe(true);
      // Nothing a y-websocket client would act on: the empty message changes no presence.
      expect([...editor.provider.awareness.getStates().keys()]).toEqual([editor.doc.clientID]);
      // And a fresh edit still flows after all that idling.
      editor.appendParagraph("Still connected.");
      await waitFor(() => idle.frames.some((frame) => frame[0] === 0 && frame[1] === 2), { message: "the edit to reach the idle socket" });
    } finally {
      for (const socket of sockets.splice(0)) socket.terminate();
    }
  });

  it("K1: a client that does not answer pings is terminated within about two intervals, and its presence goes", { timeout: 30_000 }, async () => {
    try {
      const [user, watcherUser] = await Promise.all([createTestUser(), createTestUser()]);
      const document = await createTestDocument(user, [{ id: watcherUser.id, role: "editor" }]);
      const watcher = harness.connect(document.id, await sessionCookie(watcherUser));
      await watcher.waitSynced();

      const silent = open(document.id, await sessionCookie(user), { autoPong: false });
      const openedAt = await silent.opened;
      const presence = new Y.Doc();
      silent.socket.send(awarenessFrame(presence, { cursor: { anchor: 1, head: 1 } }));
      await waitFor(() => watcher.provider.awareness.getStates().has(presence.clientID), { message: "the silent client's presence" });

      const { code, at } = await silent.closed;
      expect(code).toBe(ABNORMAL_CLOSURE); // terminated: no close frame
      expect(silent.pings).toBeGreaterThanOrEqual(1);
      // One round pings it, the next finds no answer: at least one interval, about two at most
      // (generous bound for a loaded machine).
      expect(at - openedAt).toBeGreaterThanOrEqual(KEEPALIVE_MS - 50);
      expect(at - openedAt).toBeLessThan(10 * KEEPALIVE_MS);

      await waitFor(() => !watcher.provider.awareness.getStates().has(presence.clientID), { message: "the presence to disappear" });
      expect(watcher.closes).toEqual([]);
      expect(watcher.provider.wsconnected).toBe(true);
    } finally {
      for (const socket of sockets.splice(0)) socket.terminate();
    }
  });
});
