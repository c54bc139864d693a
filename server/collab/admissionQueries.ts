// Who may join a document, read for every socket the sync server admits: the
// live session behind a cookie, and the document role. The same rules as the
// app's Prisma queries (server/auth/sessions.ts findActiveSession,
// server/documents/documentAccess.ts findDocumentRole), through the sync
// server's own pool: with Prisma, each admission cost ~8 KiB of memory per
// lookup that the process kept (docs/benchmarks.md, idle memory).
import { z } from "zod";
import type { DocumentRole, NewsroomRole } from "../db/generated/enums";
import type { ActiveSession } from "../auth/sessions";
import { documentRoleFor, type Actor } from "../policies";
import type { SyncDatabase } from "./syncDatabase";

const ACTIVE_SESSION_SQL = `
  SELECT s.id AS session_id, s.expires_at, u.id AS user_id, u.email, u.name, u.role::text AS role
  FROM user_sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1::uuid AND s.user_id = $2::uuid AND s.revoked_at IS NULL AND s.expires_at > $3 AND u.disabled_at IS NULL`;

const DOCUMENT_ROLE_SQL = `
  SELECT d.review_mode, m.role::text AS member_role
  FROM documents d LEFT JOIN document_members m ON m.document_id = d.id AND m.user_id = $2::uuid
  WHERE d.id = $1::uuid`;

const uuid = z.uuid();

export type AdmissionQueries = {
  findActiveSession(sessionId: unknown, userId: unknown): Promise<ActiveSession | null>;
  findDocumentRole(actor: Actor, documentId: string): Promise<DocumentRole | null>;
};

export function createAdmissionQueries(database: SyncDatabase): AdmissionQueries {
  return {
    async findActiveSession(sessionId, userId) {
      // Not uuids: no such session (the query on uuid columns would fail as a database error).
      if (!uuid.safeParse(sessionId).success || !uuid.safeParse(userId).success) return null;
      const result = await database.query<{ session_id: string; expires_at: Date; user_id: string; email: string; name: string; role: NewsroomRole }>(
        ACTIVE_SESSION_SQL,
        [sessionId, userId, new Date()],
      );
      const row = result.rows[0];
      if (!row) return null;
      return { id: row.session_id, expiresAt: row.expires_at, user: { id: row.user_id, email: row.email, name: row.name, role: row.role } };
    },

    async findDocumentRole(actor, documentId) {
      if (!uuid.safeParse(documentId).success || !uuid.safeParse(actor.id).success) return null;
      const row = (await database.query<{ review_mode: boolean; member_role: DocumentRole | null }>(DOCUMENT_ROLE_SQL, [documentId, actor.id])).rows[0];
      if (!row) return null;
      return documentRoleFor(actor, row.member_role, { reviewMode: row.review_mode });
    },
  };
}
