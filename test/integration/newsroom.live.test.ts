// The newsroom-wide live channel (/live/newsroom): open dashboards hear of new
// documents, status changes and who is editing now within a second, and only
// about documents their user may see. Real server, real sockets, real PostgreSQL.
import { WebSocket } from "ws";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import type { NewsroomChannelMessage } from "../../lib/newsroomEvents";
import { setMemberRole } from "../../server/documents/members";
import { createDocument } from "../../server/documents/documents";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type Listener = { messages: (NewsroomChannelMessage & { at: number })[]; socket: WebSocket; closed: Promise<number> };

function listen(url: string, cookie: string | null, headers: Record<string, string> = {}): Listener {
  const socket = new WebSocket(url, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  const messages: Listener["messages"] = [];
  socket.on("message", (data) => messages.push({ ...(JSON.parse(String(data)) as NewsroomChannelMessage), at: Date.now() }));
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  return { messages, socket, closed };
}

const heard = (listener: Listener, type: string, documentId: string) =>
  listener.messages.find((message) => message.type === type && "documentId" in message && message.documentId === documentId);

describe("newsroom live channel", () => {
  const harness = useTestServer();
  const channelUrl = () => `ws://127.0.0.1:${harness.server.port}/live/newsroom`;

  it("pushes new documents, status changes and who is editing now to the dashboards that may see them, within a second", async () => {
    const [author, editor, outsider] = await Promise.all([createTestUser("analyst"), createTestUser("editor"), createTestUser("analyst")]);
    const editorDashboard = listen(channelUrl(), await sessionCookie(editor!));
    const outsiderDashboard = listen(channelUrl(), await sessionCookie(outsider!));
    await waitFor(() => editorDashboard.messages.some((m) => m.type === "ready") && outsiderDashboard.messages.some((m) => m.type === "ready"));

    // A new document: the editor's dashboard hears of it; the outsider's does not (not a member).
    let started = Date.now();
    const document = await createDocument(author!, { title: "Live dashboard" });
    await waitFor(() => !!heard(editorDashboard, "document", document.id), { timeout: 1000, message: "the new document on the editor's dashboard" });
    expect(heard(editorDashboard, "document", document.id)!.at - started).toBeLessThan(1000);

    // Submitted for review: pushed as it happens.
    editorDashboard.messages.length = 0;
    started = Date.now();
    await transitionDocument(author!, document.id, { action: "submit" });
    await waitFor(() => !!heard(editorDashboard, "document", document.id), { timeout: 1000, message: "the status change" });

    // Someone opens it: "editing now" changes, and changes back when they leave.
    const writer = harness.connect(document.id, await sessionCookie(author!));
    await writer.waitSynced();
    await waitFor(() => !!heard(editorDashboard, "editing", document.id), { timeout: 1000, message: "editing now" });

    // Made a member, the outsider hears of it from then on, and never heard of it before.
    expect(heard(outsiderDashboard, "document", document.id)).toBeUndefined();
    expect(heard(outsiderDashboard, "editing", document.id)).toBeUndefined();
    await setMemberRole(author!, document.id, outsider!.id, "commenter");
    await waitFor(() => !!heard(outsiderDashboard, "document", document.id), { timeout: 1000, message: "the outsider, now a member" });

    editorDashboard.socket.close();
    outsiderDashboard.socket.close();
  });

  it("refuses sockets without a session (4401) and from another site (4403), and closes one that sends", async () => {
    const user = await createTestUser("editor");
    expect(await listen(channelUrl(), null).closed).toBe(CloseCode.unauthorized);
    expect(await listen(channelUrl(), await sessionCookie(user!), { origin: "https://elsewhere.example" }).closed).toBe(CloseCode.forbidden);
    const chatty = listen(channelUrl(), await sessionCookie(user!));
    await waitFor(() => chatty.messages.some((m) => m.type === "ready"));
    chatty.socket.send("hello");
    expect(await chatty.closed).toBe(CloseCode.protocolError);
  });
});
