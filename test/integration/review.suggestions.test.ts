// SYNC.md rules A3, A5, A6: commenters cannot change text; suggesters only
// through their own suggestion marks; review mode makes analysts suggesters live.
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { DOCUMENT_EVENT_MESSAGE, type DocumentEvent } from "../../lib/review/reviewTypes";
import { getPrisma } from "../../server/db/prisma";
import { updateDocument } from "../../server/documents/documents";
import type { CollabClient } from "../support/collabClient";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

function refusals(client: CollabClient): string[] {
  const reasons: string[] = [];
  client.provider.messageHandlers[DOCUMENT_EVENT_MESSAGE] = (_encoder, decoder) => {
    const event = JSON.parse(decoding.readVarString(decoder)) as DocumentEvent;
    if (event.type === "update-refused") reasons.push(event.reason);
  };
  return reasons;
}

const firstText = (client: CollabClient) => (client.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const mark = (user: { id: string; name: string }) => ({ id: `s-${user.id.slice(0, 8)}`, authorId: user.id, authorName: user.name, createdAt: new Date().toISOString() });

describe("suggest-only and read-only roles on the socket", () => {
  const harness = useTestServer();

  async function setup(role: "commenter" | "suggester") {
    const [owner, member] = await Promise.all([createTestUser("editor", "Owner"), createTestUser("analyst", "Member")]);
    const document = await createTestDocument(owner!, [{ id: member!.id, role }]);
    const editor = harness.connect(document.id, await sessionCookie(owner!));
    await editor.waitSynced();
    editor.appendParagraph("Talks lasted under two hours.");
    const other = harness.connect(document.id, await sessionCookie(member!));
    await other.waitSynced();
    await waitFor(() => other.text() === "Talks lasted under two hours.");
    return { owner: owner!, member: member!, document, editor, other };
  }

  it("drops a commenter's text changes", async () => {
    const { editor, other, document, member } = await setup("commenter");
    firstText(other).insert(0, "Commenter wrote this. ");
    editor.appendParagraph("Marker.");
    await waitFor(() => other.text().includes("Marker."));
    await harness.server.collab.rooms.get(document.id)!.store("request");
    expect(editor.text()).not.toContain("Commenter wrote");
    expect(await getPrisma().documentUpdate.count({ where: { documentId: document.id, authorId: member.id } })).toBe(0);
  });

  it("refuses a suggester's plain edit, and tells them; applies their suggestion", async () => {
    const { editor, other, document, member } = await setup("suggester");
    const refused = refusals(other);

    firstText(other).insert(0, "Plain edit. ");
    await waitFor(() => refused.length === 1, { message: "the refusal event" });
    expect(editor.text()).toBe("Talks lasted under two hours.");

    // A fresh suggester client (the refused one would re-sync) makes a real suggestion.
    other.destroy();
    const suggester = harness.connect(document.id, await sessionCookie(member));
    const refusedAgain = refusals(suggester);
    await suggester.waitSynced();
    firstText(suggester).insert(0, "Roughly: ", { suggestionInsert: mark(member) });
    firstText(suggester).format("Roughly: Talks ".length, "lasted".length, { suggestionDelete: mark(member) });
    await waitFor(() => editor.text().startsWith("Roughly: "), { message: "the suggestion to reach the editor" });
    const delta = firstText(editor).toDelta() as { insert: string; attributes?: Record<string, { authorId: string }> }[];
    expect(delta.find((op) => op.insert === "Roughly: ")?.attributes?.suggestionInsert?.authorId).toBe(member.id);
    expect(delta.find((op) => op.insert === "lasted")?.attributes?.suggestionDelete?.authorId).toBe(member.id);
    expect(refusedAgain).toEqual([]);
    // Stored like any edit, under the suggester (SYNC.md S3).
    await harness.server.collab.rooms.get(document.id)!.store("request");
    expect(await getPrisma().documentUpdate.count({ where: { documentId: document.id, authorId: member.id } })).toBeGreaterThan(0);

    // A suggestion claiming another author is refused.
    firstText(suggester).insert(0, "Forged ", { suggestionInsert: { ...mark(member), authorId: editor.doc.clientID.toString() } });
    await waitFor(() => refusedAgain.length === 1);
    expect(editor.text()).not.toContain("Forged");
  });

  it("review mode turns an analyst's editing into suggest-only, live", async () => {
    const [maria, ayse] = await Promise.all([createTestUser("editor", "Maria"), createTestUser("analyst", "Ayse")]);
    const document = await createTestDocument(maria!, [{ id: ayse!.id, role: "editor" }]);
    const analyst = harness.connect(document.id, await sessionCookie(ayse!));
    const watcher = harness.connect(document.id, await sessionCookie(maria!));
    const refused = refusals(analyst);
    await Promise.all([analyst.waitSynced(), watcher.waitSynced()]);
    analyst.appendParagraph("Before review.");
    await waitFor(() => watcher.text() === "Before review.");

    await updateDocument(maria!, document.id, { reviewMode: true });
    await waitFor(() => [...harness.server.collab.rooms.get(document.id)!.connections.values()].some((c) => c.actor.id === ayse!.id && c.role === "suggester"), {
      message: "the analyst's connection to become suggest-only",
    });
    firstText(analyst).insert(0, "Direct change. ");
    await waitFor(() => refused.length === 1);
    expect(watcher.text()).toBe("Before review.");
  });
});
