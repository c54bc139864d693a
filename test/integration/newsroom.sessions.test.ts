// The newsroom channel's sockets (/live/newsroom) close with 4401 when their
// session ends, as the sync server's do (rule A8): a sign-out of that session,
// "sign out everywhere", a disabled user. Real server, sockets and PostgreSQL
// (the revocation arrives through LISTEN/NOTIFY).
import { WebSocket } from "ws";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { createSession, disableUser, revokeAllSessions, revokeSession } from "../../server/auth/sessions";
import { createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type Dashboard = { ready: () => boolean; closed: Promise<{ code: number; at: number }> };

function openDashboard(url: string, cookie: string): Dashboard {
  const socket = new WebSocket(url, { headers: { cookie } });
  let ready = false;
  socket.on("message", (data) => {
    if ((JSON.parse(String(data)) as { type: string }).type === "ready") ready = true;
  });
  const closed = new Promise<{ code: number; at: number }>((resolve) => socket.on("close", (code) => resolve({ code, at: Date.now() })));
  return { ready: () => ready, closed };
}

describe("newsroom channel and ended sessions", () => {
  const harness = useTestServer();
  const channelUrl = () => `ws://127.0.0.1:${harness.server.port}/live/newsroom`;

  it("closes a dashboard with 4401 when its session is signed out, and leaves the person's other sessions open", async () => {
    const editor = await createTestUser("editor");
    const [signedOut, other] = await Promise.all([createSession(editor.id), createSession(editor.id)]);
    const dashboard = openDashboard(channelUrl(), await sessionCookie(editor, { sessionId: signedOut.id }));
    const otherDashboard = openDashboard(channelUrl(), await sessionCookie(editor, { sessionId: other.id }));
    await waitFor(() => dashboard.ready() && otherDashboard.ready(), { message: "both dashboards admitted" });

    const revokedAt = Date.now();
    await revokeSession(signedOut.id);
    const closed = await dashboard.closed;
    expect(closed.code).toBe(CloseCode.unauthorized);
    expect(closed.at - revokedAt).toBeLessThan(2000);
    // The other session's dashboard stays open.
    await waitFor(() => harness.server.newsroomChannel.size === 1, { message: "only the other dashboard left" });
    expect(await Promise.race([otherDashboard.closed.then(() => "closed"), new Promise((resolve) => setImmediate(() => resolve("open")))])).toBe("open");

    // "Sign out everywhere" ends the rest.
    await revokeAllSessions(editor.id);
    expect((await otherDashboard.closed).code).toBe(CloseCode.unauthorized);
  });

  it("closes a disabled user's dashboards with 4401", async () => {
    const analyst = await createTestUser("analyst");
    const dashboard = openDashboard(channelUrl(), await sessionCookie(analyst));
    await waitFor(() => dashboard.ready(), { message: "the dashboard admitted" });
    await disableUser(analyst.id);
    expect((await dashboard.closed).code).toBe(CloseCode.unauthorized);
  });

  it("a socket closed before it was admitted is forgotten: quick reloads never hit the per-user limit (4429)", async () => {
    const editor = await createTestUser("editor");
    const cookie = await sessionCookie(editor);
    for (let i = 0; i < 12; i++) {
      const socket = new WebSocket(channelUrl(), { headers: { cookie } });
      await new Promise<void>((resolve) => socket.on("open", () => resolve()));
      socket.terminate();
    }
    const dashboard = openDashboard(channelUrl(), cookie);
    await waitFor(() => dashboard.ready(), { message: "a dashboard admitted after a dozen quick reloads" });
    await waitFor(() => harness.server.newsroomChannel.size === 1, { message: "only the open dashboard held" });
  });
});
