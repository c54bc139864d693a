// SYNC.md rules L1, L2, L6, A3, A4, A6, A7 under fire: at least 10,000 random
// and mutated frames — valid sync and awareness messages with flipped bytes,
// truncated varints, huge lengths, wrong message types, random bytes — sent
// over several sockets (editor, suggester, commenter and viewer roles) to a
// live server while two real y-websocket clients edit the document. Every
// socket the server closes is reopened. In the end the server still admits
// and syncs new clients, the two editing clients were never disconnected and
// agree, and the document's body is exactly what they wrote.
//
// Seeded: FRAME_FUZZ_SEED=<n> replays a run's frames (network timing is not
// seeded); the seed of a failing run is in the test name.
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { encodeAwareness, encodeSyncUpdate, MessageType } from "../../server/collab/protocol";
import type { DocumentRole } from "../../server/db/generated/enums";
import { SeededRandom } from "../support/seededRandom";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

const SEED = Number(process.env.FRAME_FUZZ_SEED ?? 20261205);
const FRAMES = 10_000;
/** Side by side: each waits for the server's answer to every frame, and reconnects after a close. */
const FUZZ_ROLES: DocumentRole[] = Array.from({ length: 2 }, () => ["editor", "editor", "suggester", "suggester", "commenter", "viewer"] as const).flat();
/** Frames between two paragraphs typed by the honest editor during the run. */
const TYPE_EVERY = 400;

/** Valid messages of every kind the protocol has, built from the attacker's own document. */
class FrameSource {
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private counter = 0;
  mutated = 0;
  constructor(private readonly random: SeededRandom) {}

  valid(): Uint8Array {
    const r = this.random;
    switch (r.int(8)) {
      case 0:
      case 1: {
        // An edit of the attacker's own, into root types of its own (the body
        // must stay exactly what the honest editor wrote; an editor's valid
        // edit to it would be accepted, a mutated one must never land there).
        let update: Uint8Array | undefined;
        const record = (value: Uint8Array) => (update = value);
        this.doc.on("update", record);
        if (r.chance(0.5)) this.doc.getText(`fuzz-${r.int(3)}`).insert(0, r.word());
        else {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText(r.word())]);
          this.doc.getXmlFragment(`fuzz-fragment-${r.int(2)}`).insert(0, [paragraph]);
        }
        this.doc.off("update", record);
        return encodeSyncUpdate(update!);
      }
      case 2: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        return encoding.toUint8Array(encoder);
      }
      case 3: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        syncProtocol.writeSyncStep2(encoder, this.doc);
        return encoding.toUint8Array(encoder);
      }
      case 4:
      case 5: {
        this.awareness.setLocalState(
          r.pick([
            { cursor: null },
            { cursor: { anchor: null } },
            { user: { id: "someone-else", name: "Forged", color: "#000" }, cursor: null },
            { junk: r.word(40) },
            { cursor: { anchor: { type: { client: r.int(1e6), clock: r.int(100) } }, head: { item: null } } },
          ]),
        );
        return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
      }
      case 6:
        return new Uint8Array([MessageType.queryAwareness]);
      default: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.auth);
        encoding.writeVarString(encoder, `token-${this.counter++}`);
        return encoding.toUint8Array(encoder);
      }
    }
  }

  /** A valid message, or one mutated the ways a broken or hostile client would. */
  next(): Uint8Array {
    const r = this.random;
    const frame = this.valid();
    // Most malformed frames close the socket, and each reconnect is a full
    // admission (session and role lookups): the share keeps the run short.
    this.mutated++;
    if (r.chance(0.65)) {
      this.mutated--;
      return frame;
    }
    switch (r.int(9)) {
      case 0: {
        const flipped = frame.slice();
        for (let i = 1 + r.int(3); i > 0; i--) flipped[r.int(flipped.length)]! ^= 1 + r.int(255);
        return flipped;
      }
      case 1:
        return frame.slice(0, r.int(frame.length));
      case 2: {
        // A truncated varint: the last byte says "more follows".
        const cut = frame.slice(0, 1 + r.int(frame.length));
        cut[cut.length - 1]! |= 0x80;
        return cut;
      }
      case 3: {
        // A huge length where the payload's length goes: 2^32-1 or 2^53-ish.
        const huge = r.pick([[0xff, 0xff, 0xff, 0xff, 0x0f], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80, 0x80, 0x08]]);
        const headerLength = frame[0] === MessageType.sync ? 2 : 1;
        return Uint8Array.from([...frame.slice(0, headerLength), ...huge, ...frame.slice(headerLength + 1, headerLength + 1 + r.int(16))]);
      }
      case 4: {
        // A wrong message type (100 is the server's event type: clients may not send it) or sync sub-type.
        const type = r.pick([4, 5, 99, 100, 127, 128, 300, 2 ** 31]);
        const encoder = encoding.createEncoder();
        if (r.chance(0.5)) encoding.writeVarUint(encoder, type);
        else {
          encoding.writeVarUint(encoder, MessageType.sync);
          encoding.writeVarUint(encoder, r.pick([3, 4, 7, 100]));
        }
        encoding.writeUint8Array(encoder, frame.slice(1));
        return encoding.toUint8Array(encoder);
      }
      case 5:
        return r.bytes(r.int(64));
      case 6:
        return new Uint8Array(0);
      case 7:
        return Uint8Array.from([...frame, ...r.bytes(1 + r.int(8))]);
      default: {
        // The right type, a payload that is not what it says.
        return Uint8Array.from([frame[0]!, ...(frame[0] === MessageType.sync ? [r.int(3)] : []), ...r.bytes(r.int(48))]);
      }
    }
  }
}

/** A raw socket that is reopened whenever the server closes it. */
class FuzzSocket {
  private socket: WebSocket | undefined;
  private answers = 0;
  private waiter: (() => void) | undefined;
  closes: number[] = [];

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  async open(): Promise<void> {
    const socket = new WebSocket(this.url, { headers: { cookie: this.cookie } });
    socket.on("message", (data: Buffer) => {
      if (data[0] === MessageType.awareness) this.answers++;
      this.waiter?.();
    });
    socket.on("close", (code) => {
      this.closes.push(code);
      this.waiter?.();
    });
    socket.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    this.socket = socket;
  }

  /**
   * Sends a frame and an awareness query behind it, and waits for the query's
   * answer (the frame was processed and the socket lives) or for the close.
   */
  async send(frame: Uint8Array): Promise<void> {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) await this.open();
    const socket = this.socket!;
    const target = this.answers + 1;
    socket.send(frame);
    socket.send(new Uint8Array([MessageType.queryAwareness]));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("The server did not answer or close within 5 s")), 5000);
      this.waiter = () => {
        if (this.answers >= target || socket.readyState >= WebSocket.CLOSING) {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve();
        }
      };
    });
    if (socket.readyState >= WebSocket.CLOSING) await new Promise<void>((resolve) => (socket.readyState === WebSocket.CLOSED ? resolve() : socket.once("close", () => resolve())));
  }

  close(): void {
    this.socket?.close();
  }
}

describe("frame fuzz against a live server", () => {
  // Thousands of malformed frames: the server's log line for each is not what this test reads.
  const harness = useTestServer({ logger: { info: () => {}, error: (message, fields) => console.error(message, fields) } });

  it(`survives ${FRAMES} random and mutated frames on ${FUZZ_ROLES.length} sockets (seed ${SEED})`, async () => {
    const owner = await createTestUser("editor", "Honest editor");
    const reader = await createTestUser("analyst", "Honest reader");
    const attackers = await Promise.all(FUZZ_ROLES.map((role) => createTestUser(role === "viewer" ? "viewer" : "analyst", `Fuzz ${role}`)));
    const document = await createTestDocument(owner, [
      { id: reader.id, role: "editor" },
      ...attackers.map((user, i) => ({ id: user.id, role: FUZZ_ROLES[i]! })),
    ]);
    const writer = harness.connect(document.id, await sessionCookie(owner));
    const watcher = harness.connect(document.id, await sessionCookie(reader));
    await Promise.all([writer.waitSynced(), watcher.waitSynced()]);
    const written: string[] = ["Before the fuzz."];
    writer.appendParagraph(written[0]!);

    const random = new SeededRandom(SEED);
    const sockets = await Promise.all(
      attackers.map(async (user, i) => ({
        socket: new FuzzSocket(`${harness.server.wsUrl}/${document.id}`, await sessionCookie(user)),
        frames: new FrameSource(new SeededRandom(SEED + i + 1)),
      })),
    );
    // Frames are drawn per socket from its own seeded source; the sockets run side by side.
    let sent = 0;
    const startedAt = Date.now();
    await Promise.all(
      sockets.map(async ({ socket, frames }) => {
        while (sent < FRAMES) {
          sent++;
          if (sent % TYPE_EVERY === 0) {
            const line = `Typed during the fuzz ${sent / TYPE_EVERY} ${random.word()}`;
            written.push(line);
            writer.appendParagraph(line);
          }
          await socket.send(frames.next());
        }
      }),
    );
    for (const { socket } of sockets) socket.close();
    const closes = sockets.flatMap(({ socket }) => socket.closes);
    const mutated = sockets.reduce((sum, { frames }) => sum + frames.mutated, 0);
    console.info(`[frame fuzz] seed ${SEED}: ${sent} frames (${mutated} mutated) in ${Date.now() - startedAt} ms; the server closed fuzz sockets ${closes.length} times (${[...new Set(closes)].sort().join(", ")})`);
    expect(sent).toBeGreaterThanOrEqual(FRAMES);

    // The body is exactly what the honest editor wrote, everywhere: in the room, at both clients, and for a client that joins now.
    const expected = written.join("\n\n");
    await waitFor(() => watcher.text() === expected && writer.text() === expected, {
      timeout: 10_000,
      message: `the honest clients to agree\nexpected: ${JSON.stringify(expected)}\nwriter:   ${JSON.stringify(writer.text())}\nwatcher:  ${JSON.stringify(watcher.text())}\nroom: ${JSON.stringify(harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").toString())}\ncloses: ${JSON.stringify([writer.closes, watcher.closes])}`,
    });
    const late = harness.connect(document.id, await sessionCookie(reader));
    await late.waitSynced();
    await waitFor(() => late.text() === expected, { message: "a new client to load the intact body" });
    expect(writer.closes).toEqual([]);
    expect(watcher.closes).toEqual([]);
    // Still editing together after it all.
    watcher.appendParagraph("After the fuzz.");
    await waitFor(() => writer.text() === `${expected}\n\nAfter the fuzz.`, { message: "an edit after the fuzz to reach the writer" });
  }, 120_000);
});
