// Issue 9: the browser keeps its own copy of each document (y-indexeddb). A
// tab that went offline, was typed in and closed, syncs those edits when the
// document is opened again; signing out removes every copy (shared computers).
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { openDocumentAs } from "./newDocument";
import { caretToEnd, editorOf } from "./seededDocument";

test.describe.configure({ timeout: 150_000 });

const copiesIn = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? "").filter((name) => name.startsWith("newsroom-copy:")));

test("edits typed offline in a tab that was then closed reach everyone when the document is opened again; sign-out removes the copies", async ({ browser }) => {
  // A session of its own: signing out ends it on the server, and the other specs' sessions must live on.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const signIn = await context.newPage();
  await signIn.goto("/signin");
  await signIn.getByLabel("Email").fill(ACCOUNTS.analyst1.email);
  await signIn.getByLabel("Password").fill(DEMO_PASSWORD);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.getByRole("banner")).toContainText(`Signed in as ${ACCOUNTS.analyst1.name}`);

  const stamp = Date.now().toString(36);
  const created = await context.request.post("/api/documents", { data: { title: `Offline draft ${stamp}` } });
  expect(created.status()).toBe(201);
  const { id: documentId } = (await created.json()) as { id: string };

  // The network between this browser and the sync socket, so the test can cut it: emulating
  // offline alone leaves an open websocket working.
  let offline = false;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/collab\//, (socket) => {
    if (offline) return void socket.close({ code: 1006, reason: "offline" });
    socket.connectToServer();
    sockets.push(socket);
  });

  const writer = await context.newPage();
  await writer.goto(`/documents/${documentId}`);
  await expect(writer.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await editorOf(writer).click();
  await writer.keyboard.type(`Written online ${stamp}.`);

  // The newsroom's editor (who oversees every document) follows along in another browser.
  const editor = await openDocumentAs(browser, "editor", documentId);
  await expect(editorOf(editor)).toContainText(`Written online ${stamp}.`);

  // The writer's connection drops; they keep typing, then close the tab.
  offline = true;
  await Promise.all(sockets.splice(0).map((socket) => socket.close({ code: 1006, reason: "offline" })));
  await context.setOffline(true);
  await expect(writer.getByRole("status").filter({ hasText: "Offline" })).toBeVisible({ timeout: 30_000 });
  await caretToEnd(writer);
  await writer.keyboard.type(` Typed offline ${stamp}.`);
  await expect(editorOf(writer)).toContainText(`Typed offline ${stamp}.`);
  // The copy's writes are asynchronous: a tab closed within milliseconds of the last keystroke
  // can lose it. A write transaction on the copy's store completes only after the earlier ones.
  await writer.evaluate(async (documentId) => {
    const name = (await indexedDB.databases()).map((database) => database.name ?? "").find((candidate) => candidate.endsWith(`:${documentId}`));
    if (!name) throw new Error("no local copy of the document");
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction("updates", "readwrite");
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, documentId);
  await writer.close();
  offline = false;
  await context.setOffline(false);

  // Back online, the document opened again: the offline edit is there and reaches the editor.
  const again = await context.newPage();
  await again.goto(`/documents/${documentId}`);
  await expect(again.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await expect(editorOf(again)).toContainText(`Typed offline ${stamp}.`);
  await expect(editorOf(editor)).toContainText(`Typed offline ${stamp}.`);

  expect((await copiesIn(again)).length).toBeGreaterThan(0);
  await again.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(again).toHaveURL(/\/signin/);
  expect(await copiesIn(again)).toEqual([]);
  await context.close();
});
