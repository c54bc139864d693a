// Issue point 11: email. A real SMTP server started by the test receives what
// the server sends: a mention batched with the comment after it into one email
// to the right person, whose link opens the thread; the settings page's opt-out
// stops them.
import { expect, test, type Page } from "@playwright/test";
import { E2E_SMTP_PORT } from "./smtpPort";
import { startSmtpCapture, type SmtpCapture } from "../test/support/smtpCapture";
import { ACCOUNTS, storageStatePath } from "./accounts";
import { createDocumentAs } from "./newDocument";
import { selectText } from "./seededDocument";

let smtp: SmtpCapture;
test.beforeAll(async () => {
  smtp = await startSmtpCapture(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

const emailsContaining = (address: string, text: string) =>
  smtp.messages.filter((message) => message.recipients.includes(address) && message.text.includes(text));

async function commentMentioning(page: Page, phrase: string, people: string[], text: string) {
  await selectText(page, phrase);
  await page.keyboard.press("Control+Alt+m");
  const box = page.getByRole("combobox", { name: /New comment on/ });
  for (const name of people) {
    await box.pressSequentially(`@${name.split(" ")[0]}`);
    await page.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: new RegExp(name) }).click();
  }
  await box.pressSequentially(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  // Posted and settled before the next selection: the new thread takes the focus when it appears.
  await expect(page.getByRole("article").filter({ hasText: text.trim() })).toBeVisible();
  await expect(box).toHaveCount(0);
}

async function share(page: Page, documentId: string, email: string, role: "viewer" | "commenter") {
  const users = (await (await page.request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
  const name = Object.values(ACCOUNTS).find((account) => account.email === email)!.name;
  const user = users.users.find((candidate) => candidate.name === name)!;
  expect((await page.request.put(`/api/documents/${documentId}/members/${user.id}`, { data: { role } })).status()).toBeLessThan(300);
}

// Long walks through several pages on a machine shared with other test runs.
test.describe.configure({ timeout: 180_000 });

test("point 11: a mention is emailed (batched with the next comment) with a link that opens the thread; the settings page stops it", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Email ${stamp}`;
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", title, "Grain exports rose in November. Ports reopened.");
  await share(ayse, documentId, ACCOUNTS.viewer.email, "viewer");
  await share(ayse, documentId, ACCOUNTS.analyst2.email, "commenter");
  await ayse.reload();

  // Two comments mentioning Sam within the batching delay: one email.
  await commentMentioning(ayse, "Grain exports", [ACCOUNTS.viewer.name], ` source? ${stamp}-a`);
  await commentMentioning(ayse, "Ports reopened", [ACCOUNTS.viewer.name], ` which ports? ${stamp}-b`);
  await expect.poll(() => emailsContaining(ACCOUNTS.viewer.email, `${stamp}-a`).length, { timeout: 20_000 }).toBe(1);
  const [email] = emailsContaining(ACCOUNTS.viewer.email, `${stamp}-a`);
  expect(email!.recipients).toEqual([ACCOUNTS.viewer.email]);
  expect(email!.subject).toBe(`2 updates on “${title}”`);
  expect(email!.text).toContain(`${stamp}-b`);
  expect(email!.text).toContain(`${ACCOUNTS.analyst1.name} mentioned you on “${title}”`);
  expect(email!.html).toContain("The Bosphorus Ledger");
  expect(smtp.messages.filter((message) => message.text.includes(stamp))).toHaveLength(1);

  // The first link opens the document at the first thread: its card is the active one.
  const link = /Open: (\S+#thread-[0-9a-f-]{36})/.exec(email!.text)![1]!;
  const samContext = await browser.newContext({ storageState: storageStatePath("viewer"), viewport: { width: 1400, height: 900 } });
  const sam = await samContext.newPage();
  await sam.goto(link);
  const thread = sam.locator(`article[data-thread-id="${link.split("#thread-")[1]}"]`);
  await expect(thread).toContainText(`${stamp}-a`);
  await expect(thread).toHaveClass(/active/);

  // Sam opts out on the settings page; the next mention of Sam and Daniel emails only Daniel.
  await sam.goto("/settings");
  const optIn = sam.getByRole("checkbox", { name: "Email me about what needs me" });
  await expect(optIn).toBeChecked();
  await optIn.uncheck();
  await sam.getByRole("button", { name: "Save" }).click();
  await expect(sam.getByRole("status")).toHaveText(/Saved: no more emails/);
  await sam.reload();
  await expect(sam.getByRole("checkbox", { name: "Email me about what needs me" })).not.toBeChecked();

  await commentMentioning(ayse, "November", [ACCOUNTS.viewer.name, ACCOUNTS.analyst2.name], ` both? ${stamp}-c`);
  await expect.poll(() => emailsContaining(ACCOUNTS.analyst2.email, `${stamp}-c`).length, { timeout: 20_000 }).toBe(1);
  expect(emailsContaining(ACCOUNTS.viewer.email, `${stamp}-c`)).toEqual([]);

  // Back on, for the other specs.
  await sam.getByRole("checkbox", { name: "Email me about what needs me" }).check();
  await sam.getByRole("button", { name: "Save" }).click();
  await expect(sam.getByRole("status")).toHaveText(/Saved: you will get emails/);
  await samContext.close();
  await ayse.context().close();
});
