// SYNC.md rule S1: concurrent edits from several clients converge, and every
// accepted update reaches the update log within the write-behind window (P1).
import { describe, expect, it } from "vitest";
import { getPrisma } from "../../server/db/prisma";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

describe("co-editing convergence", () => {
  const harness = useTestServer();

  it("three clients editing the same paragraph at once converge to the same text", async () => {
    const [a, b, c] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    const document = await createTestDocument(a!, [
      { id: b!.id, role: "editor" },
      { id: c!.id, role: "editor" },
    ]);
    const first = harness.connect(document.id, await sessionCookie(a!));
    await first.waitSynced();
    first.appendParagraph("Base text.");
    const others = [harness.connect(document.id, await sessionCookie(b!)), harness.connect(document.id, await sessionCookie(c!))];
    await Promise.all(others.map((client) => client.waitSynced()));
    await waitFor(() => others.every((client) => client.text() === "Base text."), { message: "the base text to reach everyone" });

    // All three type at the same spot of the same paragraph without waiting for each other.
    const writers = [first, ...others];
    for (let round = 0; round < 20; round++) {
      writers.forEach((client, index) => client.insertText(0, 0, `[${"abc"[index]}${round}]`));
    }
    await waitFor(() => new Set(writers.map((client) => client.text())).size === 1, { message: "convergence" });
    const text = first.text();
    for (let round = 0; round < 20; round++) for (const letter of "abc") expect(text).toContain(`[${letter}${round}]`);
    expect(text).toContain("Base text.");

    // P1: every author's edits are in the log within the window (250 ms, plus slack for a loaded CI machine).
    const authorsInLog = async () =>
      new Set((await getPrisma().documentUpdate.findMany({ where: { documentId: document.id }, select: { authorId: true } })).map((row) => row.authorId));
    await waitFor(async () => (await authorsInLog()).size === 3, { timeout: 1500, message: "every author's updates to be persisted" });
    expect(await authorsInLog()).toEqual(new Set([a!.id, b!.id, c!.id]));
  });

  it("edits made while disconnected merge on reconnect", async () => {
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const document = await createTestDocument(a!, [{ id: b!.id, role: "editor" }]);
    const online = harness.connect(document.id, await sessionCookie(a!));
    const traveller = harness.connect(document.id, await sessionCookie(b!));
    await Promise.all([online.waitSynced(), traveller.waitSynced()]);

    traveller.provider.disconnect();
    traveller.appendParagraph("Written on the train.");
    online.appendParagraph("Written in the office.");
    await waitFor(() => online.text() === "Written in the office.");
    expect(traveller.text()).toBe("Written on the train.");

    traveller.provider.connect();
    await waitFor(() => online.text() === traveller.text() && online.text().includes("train"), { message: "offline edits to merge" });
    expect(online.text()).toContain("Written in the office.");
  });
});
