// The sync server admits sockets with its own pg queries (server/collab/admissionQueries.ts);
// they must decide exactly as the app's Prisma queries do (server/auth/sessions.ts,
// server/documents/documentAccess.ts), case by case, against the same rows.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createSession, disableUser, findActiveSession, revokeSession } from "../../server/auth/sessions";
import { createAdmissionQueries } from "../../server/collab/admissionQueries";
import { createSyncDatabase } from "../../server/collab/syncDatabase";
import { getPrisma } from "../../server/db/prisma";
import { findDocumentRole } from "../../server/documents/documentAccess";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

describe("the sync server's admission queries", () => {
  useTestDatabase();
  const database = createSyncDatabase();
  const admission = createAdmissionQueries(database);
  afterAll(() => database.close());

  it("A1/A8: find the same live sessions as the app, and none that ended", async () => {
    const user = await createTestUser("analyst");
    const other = await createTestUser("editor");
    const live = await createSession(user.id);
    const revoked = await createSession(user.id);
    await revokeSession(revoked.id);
    const expired = await createSession(user.id, -60);
    const disabledUser = await createTestUser("analyst");
    const ofDisabled = await createSession(disabledUser.id);
    await disableUser(disabledUser.id);

    const cases: [string, unknown, unknown][] = [
      ["live", live.id, user.id],
      ["revoked", revoked.id, user.id],
      ["expired", expired.id, user.id],
      ["disabled user", ofDisabled.id, disabledUser.id],
      ["someone else's session", live.id, other.id],
      ["unknown session", randomUUID(), user.id],
      ["not a uuid", "x' OR 1=1 --", user.id],
      ["missing", undefined, undefined],
    ];
    for (const [name, sessionId, userId] of cases) {
      const expected = await findActiveSession(sessionId, userId);
      expect(await admission.findActiveSession(sessionId, userId), name).toEqual(expected);
    }
    expect(await admission.findActiveSession(live.id, user.id)).toEqual({
      id: live.id,
      expiresAt: live.expiresAt,
      user: { id: user.id, email: user.email, name: user.name, role: "analyst" },
    });
    expect(await admission.findActiveSession(revoked.id, user.id)).toBeNull();
  });

  it("A2/A6: give every actor the same document role as the app", async () => {
    const owner = await createTestUser("analyst");
    const member = await createTestUser("analyst");
    const viewer = await createTestUser("viewer");
    const outsider = await createTestUser("analyst");
    const newsroomEditor = await createTestUser("editor");
    const document = await createTestDocument(owner, [
      { id: member.id, role: "editor" },
      { id: viewer.id, role: "viewer" },
    ]);
    const inReview = await createTestDocument(owner, [{ id: member.id, role: "editor" }]);
    await getPrisma().document.update({ where: { id: inReview.id }, data: { reviewMode: true } });

    const actors = [owner, member, viewer, outsider, newsroomEditor].map((user) => ({ id: user.id, role: user.role }));
    for (const documentId of [document.id, inReview.id, randomUUID()]) {
      for (const actor of actors) {
        expect(await admission.findDocumentRole(actor, documentId), `${actor.role} ${actor.id} on ${documentId}`).toBe(await findDocumentRole(actor, documentId));
      }
    }
    expect(await admission.findDocumentRole({ id: member.id, role: "analyst" }, inReview.id)).toBe("suggester");
    expect(await admission.findDocumentRole({ id: outsider.id, role: "analyst" }, document.id)).toBeNull();
    expect(await admission.findDocumentRole({ id: newsroomEditor.id, role: "editor" }, document.id)).toBe("editor");
  });
});
