// SYNC.md rule L4: at most 8 simultaneous sockets per user per document; the
// next one is closed with 4429 before any byte, other people are unaffected,
// and closing a socket makes room again.
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { MAX_CONNECTIONS_PER_USER_PER_DOCUMENT } from "../../lib/limits";
import { openRawSocket, type RawSocket } from "../support/rawSocket";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

describe("connections per user and document", () => {
  const harness = useTestServer();
  const sockets: RawSocket[] = [];
  const open = (documentId: string, cookie: string) => {
    const raw = openRawSocket(`${harness.server.wsUrl}/${documentId}`, cookie);
    sockets.push(raw);
    return raw;
  };
  /** Admitted: the server's sync step 1 arrived and the socket is still open. */
  const admitted = async (raw: RawSocket) => {
    await raw.opened;
    await waitFor(() => raw.frames.length > 0 || raw.socket.readyState !== raw.socket.OPEN, { message: "admission or refusal" });
    return raw.frames.length > 0 && raw.socket.readyState === raw.socket.OPEN;
  };

  it("L4: the 9th socket of one user on one document gets 4429; another user still connects; closing one makes room", async () => {
    try {
      expect(MAX_CONNECTIONS_PER_USER_PER_DOCUMENT).toBe(8);
      const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
      const [document, elsewhere] = await Promise.all([
        createTestDocument(user, [{ id: other.id, role: "editor" }]),
        createTestDocument(user),
      ]);
      const cookie = await sessionCookie(user);

      // One at a time, so the count is exact when the next one arrives.
      const allowed: RawSocket[] = [];
      for (let i = 0; i < MAX_CONNECTIONS_PER_USER_PER_DOCUMENT; i++) {
        const raw = open(document.id, cookie);
        expect(await admitted(raw)).toBe(true);
        allowed.push(raw);
      }

      const refused = open(document.id, cookie);
      expect((await refused.closed).code).toBe(CloseCode.tooManyConnections);
      expect(refused.frames).toHaveLength(0);

      // The limit is per user and per document.
      const otherUser = harness.connect(document.id, await sessionCookie(other));
      await otherUser.waitSynced();
      expect(await admitted(open(elsewhere.id, cookie))).toBe(true);

      // The refusal cost the user's other sockets nothing: they still get the document.
      otherUser.appendParagraph("Still everyone's document.");
      const gotUpdate = (raw: RawSocket) => raw.frames.some((frame) => frame[0] === 0 && frame[1] === 2); // sync, update
      await waitFor(() => allowed.every(gotUpdate), { message: "every admitted socket to receive the edit" });
      expect(allowed.every((raw) => raw.socket.readyState === raw.socket.OPEN)).toBe(true);

      // Closing one makes room for one, and only one, again.
      allowed[0]!.socket.close();
      await allowed[0]!.closed;
      const room = harness.server.collab.rooms.get(document.id)!;
      await waitFor(() => [...room.connections].filter((connection) => connection.user.id === user.id).length < MAX_CONNECTIONS_PER_USER_PER_DOCUMENT, {
        message: "the server to let go of the closed socket",
      });
      expect(await admitted(open(document.id, cookie))).toBe(true);
      const refusedAgain = open(document.id, cookie);
      expect((await refusedAgain.closed).code).toBe(CloseCode.tooManyConnections);
    } finally {
      for (const raw of sockets.splice(0)) raw.socket.terminate();
    }
  });
});
