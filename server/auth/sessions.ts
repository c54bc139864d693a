// Revocable sessions. The session cookie stays a next-auth JWT, but it
// carries the id of a `user_sessions` row, and a request or socket is signed
// in only while that row is neither revoked nor expired and its user is not
// disabled. Sign-out revokes the row (its cookie then gets 401 everywhere);
// "sign out everywhere", disabling a user and setting a new password revoke
// all of a user's rows. Every revocation notifies the sync servers, which
// close the sessions' sockets with 4401 (sessionRevocations.ts).
import { z } from "zod";
import type { NewsroomRole } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";
import { encodeRevocation, SESSION_REVOCATIONS_CHANNEL, type SessionRevocation } from "./sessionRevocations";

/** A session ends 30 days after sign-in, however active (the cookie's JWT expires then too). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type SessionUser = { id: string; email: string; name: string; role: NewsroomRole };
export type ActiveSession = { id: string; expiresAt: Date; user: SessionUser };

const uuid = z.uuid();

export async function createSession(userId: string, maxAgeSeconds = SESSION_MAX_AGE_SECONDS): Promise<{ id: string; expiresAt: Date }> {
  return getPrisma().userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
    select: { id: true, expiresAt: true },
  });
}

/** The session and its user, if the session is live; null for anything else (unknown, revoked, expired, disabled). */
export async function findActiveSession(sessionId: unknown, userId: unknown): Promise<ActiveSession | null> {
  // Not uuids: no such session (the query on uuid columns would fail as a database error).
  if (!uuid.safeParse(sessionId).success || !uuid.safeParse(userId).success) return null;
  const row = await getPrisma().userSession.findFirst({
    where: { id: sessionId as string, userId: userId as string, revokedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  return row;
}

/** Of these sessions, the ones still live, with their users' current newsroom roles (the sync server's periodic check). */
export async function findLiveSessions(sessionIds: string[]): Promise<Map<string, { expiresAt: Date; role: NewsroomRole }>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await getPrisma().userSession.findMany({
    where: { id: { in: sessionIds }, revokedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
    select: { id: true, expiresAt: true, user: { select: { role: true } } },
  });
  return new Map(rows.map((row) => [row.id, { expiresAt: row.expiresAt, role: row.user.role }]));
}

export async function revokeSession(sessionId: string): Promise<void> {
  if (!uuid.safeParse(sessionId).success) return;
  await revoke({ sessionIds: [sessionId] }, { id: sessionId, revokedAt: null });
}

/** Sign out everywhere: every session of the user, this one included. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await revoke({ userId }, { userId, revokedAt: null });
}

/** Disables an account: no more sign-ins, and every session ends now. */
export async function disableUser(userId: string): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await notify(tx, { userId });
  });
}

async function revoke(revocation: SessionRevocation, where: { id?: string; userId?: string; revokedAt: null }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await tx.userSession.updateMany({ where, data: { revokedAt: new Date() } });
    await notify(tx, revocation);
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];

async function notify(tx: Tx, revocation: SessionRevocation): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${SESSION_REVOCATIONS_CHANNEL}, ${encodeRevocation(revocation)})`;
}
