// SYNC.md rule L6: a client cannot make the server encode the document over
// and over by repeating sync step 1. Past a small burst its socket is closed
// with 1008; a real editor's client, which asks once per socket, is never
// touched, and the others in the document carry on.
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { DEFAULT_SYNC_REQUEST_RATE } from "../../server/collab/extensions/SyncRequestLimitExtension";
import { openRawSocket } from "../support/rawSocket";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

/** A sync step 1 claiming an empty document: its answer is the whole document. */
function emptySyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

const isSyncStep2 = (frame: Uint8Array) => frame[0] === 0 && frame[1] === 1;

describe("repeated sync step 1 (L6)", () => {
  const harness = useTestServer();

  it("answers a burst of requests, then closes the socket with 1008; an editor in the document is unaffected", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const editor = harness.connect(document.id, cookie);
    await editor.waitSynced();
    editor.appendParagraph("A paragraph worth encoding.");

    const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
    await raw.opened;
    const requests = DEFAULT_SYNC_REQUEST_RATE.burst * 5;
    for (let i = 0; i < requests; i++) raw.socket.send(emptySyncStep1());
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.policyViolation);
    expect(closed.reason).toBe("Too many sync requests");
    // The burst was answered (each answer the whole document); nothing past it was.
    const answers = raw.frames.filter(isSyncStep2).length;
    expect(answers).toBeGreaterThanOrEqual(1);
    expect(answers).toBeLessThanOrEqual(DEFAULT_SYNC_REQUEST_RATE.burst);

    // The editor keeps working, and a client that connects now syncs as usual.
    editor.appendParagraph("Still editing.");
    const late = harness.connect(document.id, cookie);
    await late.waitSynced();
    await waitFor(() => late.text() === "A paragraph worth encoding.\n\nStill editing.", { message: "the late client to converge" });
    expect(editor.text()).toBe(late.text());
  });

  it("never touches a client that asks within the burst", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
    await raw.opened;
    for (let i = 0; i < DEFAULT_SYNC_REQUEST_RATE.burst; i++) raw.socket.send(emptySyncStep1());
    await waitFor(() => raw.frames.filter(isSyncStep2).length === DEFAULT_SYNC_REQUEST_RATE.burst, { message: "every request answered" });
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
  });
});
