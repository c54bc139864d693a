// Issue 10, hole 4: sessions end on the server. A revoked, expired or
// disabled user's session signs nothing in any more, and its open sockets
// close with 4401 at once — from a route handler's process or another one
// (`npm run user:disable`). Roles are re-checked while a socket is open.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { createSession, findActiveSession, revokeAllSessions, revokeSession } from "../../server/auth/sessions";
import { getPrisma } from "../../server/db/prisma";
import { setAccountPassword } from "../../server/users/accounts";
import { openRawSocket } from "../support/rawSocket";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const SESSION_CHECK_MS = 300;

describe("revocable sessions", () => {
  const harness = useTestServer({ sessionCheckMs: SESSION_CHECK_MS });

  async function openSocket(documentId: string, cookie: string) {
    const raw = openRawSocket(`${harness.server.wsUrl}/${documentId}`, cookie);
    await raw.opened;
    await waitFor(() => raw.frames.length > 0, { message: "the server's first sync message" });
    return raw;
  }

  it("signing out one session closes its sockets with 4401 and its cookie no longer opens one; other sessions stay", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const [laptop, phone] = await Promise.all([createSession(user.id), createSession(user.id)]);
    const laptopCookie = await sessionCookie(user, { sessionId: laptop.id });
    const laptopSocket = await openSocket(document.id, laptopCookie);
    const phoneSocket = await openSocket(document.id, await sessionCookie(user, { sessionId: phone.id }));

    await revokeSession(laptop.id);
    // Well before the periodic check: the notification closes it.
    const started = Date.now();
    expect((await laptopSocket.closed).code).toBe(CloseCode.unauthorized);
    expect(Date.now() - started).toBeLessThan(SESSION_CHECK_MS * 10);
    expect(await findActiveSession(laptop.id, user.id)).toBeNull();
    expect((await openRawSocket(`${harness.server.wsUrl}/${document.id}`, laptopCookie).closed).code).toBe(CloseCode.unauthorized);

    expect(phoneSocket.socket.readyState).toBe(phoneSocket.socket.OPEN);
    expect(await findActiveSession(phone.id, user.id)).not.toBeNull();
    phoneSocket.socket.close();
  });

  it("signing out everywhere, or a new password, ends every session of the user", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const sockets = await Promise.all([openSocket(document.id, await sessionCookie(user)), openSocket(document.id, await sessionCookie(user))]);
    await revokeAllSessions(user.id);
    for (const socket of sockets) expect((await socket.closed).code).toBe(CloseCode.unauthorized);

    const again = await openSocket(document.id, await sessionCookie(user));
    await setAccountPassword(user.email, "a-brand-new-password");
    expect((await again.closed).code).toBe(CloseCode.unauthorized);
  });

  it("npm run user:disable, in another process, closes the user's sockets at once and refuses new ones", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const socket = await openSocket(document.id, cookie);
    const root = path.resolve(import.meta.dirname, "../..");
    const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["server/cli/disableUser.ts", "--email", user.email], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    expect(stdout).toContain("Disabled");
    expect((await socket.closed).code).toBe(CloseCode.unauthorized);
    expect((await openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie).closed).code).toBe(CloseCode.unauthorized);
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();
  });

  it("closes a socket when its session expires", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const session = await createSession(user.id, 2);
    const socket = await openSocket(document.id, await sessionCookie(user, { sessionId: session.id }));
    expect((await socket.closed).code).toBe(CloseCode.unauthorized);
    expect(Date.now()).toBeGreaterThanOrEqual(session.expiresAt.getTime() - 50);
  });

  it("re-checks the newsroom role of open sockets: a newsroom editor demoted to analyst loses a document they are not a member of", async () => {
    const [owner, editor] = await Promise.all([createTestUser(), createTestUser("editor")]);
    const document = await createTestDocument(owner);
    const socket = await openSocket(document.id, await sessionCookie(editor));
    await getPrisma().user.update({ where: { id: editor.id }, data: { role: "analyst" } });
    expect((await socket.closed).code).toBe(CloseCode.notFound);
  });
});
