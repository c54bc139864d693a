// SYNC.md rules A4 and A7 with real sockets: presence carries only the
// session's user and a valid cursor; a flood of presence (a huge state, a
// malformed cursor, a burst of messages) never reaches the other editors.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { awarenessFrame } from "../../server/collab/testing";
import { openRawSocket } from "../support/rawSocket";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const RATE = { burst: 10, perSecond: 5 };

/** Every presence state the watcher's provider has received, as the JSON it would hand the caret plugin. */
function receivedStates(watcher: { provider: { awareness: { on(event: "change", listener: () => void): void; getStates(): Map<number, unknown> } } }) {
  const seen: string[] = [];
  watcher.provider.awareness.on("change", () => {
    for (const state of watcher.provider.awareness.getStates().values()) seen.push(JSON.stringify(state));
  });
  return seen;
}

function positionJson() {
  const doc = new Y.Doc();
  const text = new Y.XmlText("Istanbul");
  doc.getXmlFragment("default").insert(0, [text]);
  return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 2));
}

describe("presence bounds (A4, A7)", () => {
  const harness = useTestServer({ presenceRate: RATE });

  async function room() {
    const [owner, viewer] = await Promise.all([createTestUser("analyst", "Owner"), createTestUser("viewer", "Viewer")]);
    const document = await createTestDocument(owner, [{ id: viewer.id, role: "viewer" }]);
    const watcher = harness.connect(document.id, await sessionCookie(owner));
    await watcher.waitSynced();
    const viewerCookie = await sessionCookie(viewer);
    const url = `${harness.server.wsUrl}/${document.id}`;
    return { owner, viewer, document, watcher, viewerCookie, url };
  }

  it("closes a socket that sends a 1 MiB presence state (1009); the watcher never receives it", async () => {
    const { watcher, viewerCookie, url } = await room();
    const seen = receivedStates(watcher);
    const raw = openRawSocket(url, viewerCookie);
    await raw.opened;
    raw.socket.send(awarenessFrame(4242, 1, { cursor: null, junk: "x".repeat(1024 * 1024) }));
    expect((await raw.closed).code).toBe(CloseCode.messageTooBig);

    // The watcher still gets presence from well-behaved editors, and nothing large ever reached it.
    const polite = openRawSocket(url, viewerCookie);
    await polite.opened;
    polite.socket.send(awarenessFrame(4343, 1, { cursor: null }));
    await waitFor(() => watcher.provider.awareness.getStates().has(4343), { message: "the polite viewer's presence" });
    expect(watcher.provider.awareness.getStates().has(4242)).toBe(false);
    expect(seen.every((state) => state.length < 4096)).toBe(true);
    polite.socket.close();
  });

  it("relays only the session's user and a valid cursor: a malformed cursor and extra fields are dropped", async () => {
    const { viewer, watcher, viewerCookie, url } = await room();
    const raw = openRawSocket(url, viewerCookie);
    await raw.opened;
    raw.socket.send(awarenessFrame(5151, 1, { user: { name: "CEO" }, cursor: { anchor: null }, tracking: "pixel" }));
    await waitFor(() => watcher.provider.awareness.getStates().has(5151), { message: "the viewer's presence" });
    expect(watcher.provider.awareness.getStates().get(5151)).toEqual({ user: expect.objectContaining({ id: viewer.id, name: "Viewer" }) });

    const position = positionJson();
    raw.socket.send(awarenessFrame(5151, 2, { cursor: { anchor: position, head: position } }));
    await waitFor(() => (watcher.provider.awareness.getStates().get(5151) as { cursor?: unknown }).cursor !== undefined, { message: "the valid cursor" });
    expect(watcher.provider.awareness.getStates().get(5151)).toEqual({
      user: expect.objectContaining({ id: viewer.id }),
      cursor: { anchor: position, head: position },
    });
    raw.socket.close();
  });

  it("rate-limits presence per connection: a burst past the limit is dropped, later messages pass", async () => {
    const { watcher, viewerCookie, url } = await room();
    const raw = openRawSocket(url, viewerCookie);
    await raw.opened;
    for (let clock = 1; clock <= 200; clock++) raw.socket.send(awarenessFrame(6161, clock, { cursor: null }));
    const clockSeen = () => watcher.provider.awareness.meta.get(6161)?.clock ?? 0;
    await waitFor(() => clockSeen() >= RATE.burst, { message: "the burst's first messages" });
    // Sending 200 frames takes well under a second here; allow for a few refilled tokens on a slow machine.
    expect(clockSeen()).toBeLessThan(RATE.burst + 20);
    expect(clockSeen()).toBeLessThan(200);

    // Tokens refill: a message sent a little later passes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    raw.socket.send(awarenessFrame(6161, 1000, { cursor: null }));
    await waitFor(() => clockSeen() === 1000, { message: "a message after the refill" });
    raw.socket.close();
  });
});
