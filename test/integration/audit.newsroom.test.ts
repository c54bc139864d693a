// The newsroom-wide audit log: editors only, every document's events newest
// first with the document and the people named, filters, and cursor paging
// without gaps or repeats when events share a millisecond.
import { describe, expect, it } from "vitest";
import { newsroomAuditQuery } from "../../lib/apiSchemas";
import { getPrisma } from "../../server/db/prisma";
import { setMemberRole } from "../../server/documents/members";
import { AppError } from "../../server/errors";
import { auditEventData, listDocumentAudit, listNewsroomAudit } from "../../server/workflow/audit";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

const errorCode = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));
const query = (input: Record<string, string> = {}) => newsroomAuditQuery.parse(input);

describe("newsroom audit log", () => {
  useTestDatabase();

  it("is readable by newsroom editors and admins only", async () => {
    const [editor, admin, analyst, viewer] = await Promise.all(["editor", "admin", "analyst", "viewer"].map((role) => createTestUser(role as "editor")));
    expect(await errorCode(listNewsroomAudit(editor!, query()))).toBe("ok");
    expect(await errorCode(listNewsroomAudit(admin!, query()))).toBe("ok");
    expect(await errorCode(listNewsroomAudit(analyst!, query()))).toBe("forbidden");
    expect(await errorCode(listNewsroomAudit(viewer!, query()))).toBe("forbidden");
  });

  it("lists events from every document with its title and the person a change is about; filters by action and document", async () => {
    const [editor, ayse, daniel] = await Promise.all([createTestUser("editor", "Maria"), createTestUser("analyst", "Ayse"), createTestUser("analyst", "Daniel")]);
    const [first, second] = await Promise.all([createTestDocument(ayse!), createTestDocument(ayse!)]);
    await setMemberRole(ayse!, first.id, daniel!.id, "suggester");
    await transitionDocument(ayse!, second.id, { action: "submit" });

    const onFirst = await listNewsroomAudit(editor!, query({ documentId: first.id }));
    expect(onFirst.events).toMatchObject([
      { action: "member_role_set", actor: { id: ayse!.id, name: "Ayse" }, subject: { id: daniel!.id, name: "Daniel" }, document: { id: first.id, title: first.title } },
    ]);
    expect(onFirst.nextCursor).toBeNull();
    const submits = await listNewsroomAudit(editor!, query({ action: "submit", documentId: second.id }));
    expect(submits.events).toMatchObject([{ action: "submit", details: { from: "draft", to: "in_review" }, subject: null, document: { id: second.id } }]);
    expect((await listNewsroomAudit(editor!, query({ action: "submit", documentId: first.id }))).events).toEqual([]);

    // The per-document log names the person too.
    expect((await listDocumentAudit(ayse!, first.id))[0]).toMatchObject({ subject: { id: daniel!.id, name: "Daniel" } });
  });

  it("pages newest first by an event id or a time, without gaps or repeats among events of the same millisecond", async () => {
    const [editor, actor] = await Promise.all([createTestUser("editor"), createTestUser("analyst")]);
    const [first, second] = await Promise.all([createTestDocument(actor!), createTestDocument(actor!)]);
    // Far in the future, so events other test files write meanwhile sort after these.
    const at = (offsetMs: number) => new Date(Date.parse("2999-01-01T00:00:00.000Z") + offsetMs);
    const specs = [
      { documentId: first.id, createdAt: at(0) },
      { documentId: second.id, createdAt: at(0) },
      { documentId: first.id, createdAt: at(0) },
      { documentId: second.id, createdAt: at(-1000) },
      { documentId: null, createdAt: at(-2000) },
    ];
    const created = await Promise.all(
      specs.map((spec, index) =>
        getPrisma().auditEvent.create({
          // A malformed userId in details (old or future data) leaves the subject empty rather than failing the page.
          data: { ...auditEventData({ actorId: actor!.id, documentId: spec.documentId, action: "version_named", details: { index, userId: "not-a-user" } }), createdAt: spec.createdAt },
        }),
      ),
    );
    // Newest first; same time: by id, descending.
    const expected = [...created].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((event) => event.id);

    const seen: string[] = [];
    let before: string | undefined = "2999-01-02T00:00:00Z";
    while (before && seen.length < expected.length) {
      const page = await listNewsroomAudit(editor!, query({ before, limit: "2" }));
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((event) => event.id));
      before = page.nextCursor ?? undefined;
    }
    expect(seen.slice(0, expected.length)).toEqual(expected);
    expect((await listNewsroomAudit(editor!, query({ before: "2999-01-02T00:00:00Z", limit: "1" }))).events[0]).toMatchObject({ subject: null });

    // A time cursor is strictly before that time; an event without a document says so.
    const older = await listNewsroomAudit(editor!, query({ before: at(0).toISOString(), limit: "2" }));
    expect(older.events.map((event) => [event.id, event.document?.id ?? null])).toEqual([
      [created[3]!.id, second.id],
      [created[4]!.id, null],
    ]);
    expect(older.events[1]!.document).toBeNull();

    expect(await errorCode(listNewsroomAudit(editor!, query({ before: "3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c" })))).toBe("unprocessable");
  });
});
