// SYNC.md rules L1–L2: oversize frames close with 1009; a malformed frame
// closes only the client that sent it.
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { MAX_WS_FRAME_BYTES } from "../../lib/limits";
import { openRawSocket } from "../support/rawSocket";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

describe("frame limits and bad input", () => {
  const harness = useTestServer();

  it("closes a connection that sends a frame over the limit with 1009, and the document is unchanged", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const bystander = harness.connect(document.id, cookie);
    await bystander.waitSynced();
    bystander.appendParagraph("Still here.");

    const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
    await raw.opened;
    await waitFor(() => raw.frames.length > 0, { message: "the server's first sync message" });
    raw.socket.send(new Uint8Array(MAX_WS_FRAME_BYTES + 1));
    expect((await raw.closed).code).toBe(CloseCode.messageTooBig);

    bystander.appendParagraph("And still working.");
    const second = harness.connect(document.id, cookie);
    await second.waitSynced();
    await waitFor(() => second.text() === "Still here.\n\nAnd still working.");
  });

  it("closes only the sender of a malformed frame (1002); others keep editing", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const a = harness.connect(document.id, cookie);
    const b = harness.connect(document.id, cookie);
    await Promise.all([a.waitSynced(), b.waitSynced()]);

    const garbage: Uint8Array[] = [
      new Uint8Array([0, 2, 200, 1, 2, 3]), // a sync update whose payload is not a Yjs update
      new Uint8Array([9]), // unknown message type
      (() => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint8Array(encoder, new TextEncoder().encode("not awareness"));
        return encoding.toUint8Array(encoder);
      })(),
    ];
    for (const frame of garbage) {
      const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
      await raw.opened;
      raw.socket.send(frame);
      expect((await raw.closed).code).toBe(CloseCode.protocolError);
    }

    a.appendParagraph("Unaffected.");
    await waitFor(() => b.text() === "Unaffected.");
  });

  it("answers a request for an invalid document path with 404 before upgrading", async () => {
    const user = await createTestUser();
    const raw = openRawSocket(`${harness.server.wsUrl}/not-a-uuid`, await sessionCookie(user));
    await expect(raw.opened).rejects.toThrow(/404/);
  });
});
