// Starts the real server (sync socket and database; no Next.js pages) on a
// free port, plus helpers to make users, documents and session cookies.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { inject } from "vitest";
import { hashPassword } from "../../server/auth/password";
import { createSession } from "../../server/auth/sessions";
import type { DocumentRole, NewsroomRole } from "../../server/db/generated/enums";
import { getPrisma } from "../../server/db/prisma";
import { startNewsroomServer, type NewsroomServer, type StartOptions } from "../../server/http/startNewsroomServer";

export const TEST_AUTH_SECRET = "integration-tests-secret-0123456789abcdef";

export function useTestDatabase(): void {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
}

export type TestServer = NewsroomServer & { wsUrl: string };

export async function startTestServer(port = 0, collab?: StartOptions["collab"]): Promise<TestServer> {
  useTestDatabase();
  const server = await startNewsroomServer({ port, host: "127.0.0.1", authSecret: TEST_AUTH_SECRET, nextMode: "none", collab });
  return { ...server, wsUrl: `ws://127.0.0.1:${server.port}/collab` };
}

let passwordHash: Promise<string> | undefined;

export async function createTestUser(role: NewsroomRole = "analyst", name?: string) {
  passwordHash ??= hashPassword("integration-password");
  const id = randomUUID();
  return getPrisma().user.create({
    data: { id, email: `${id}@test.invalid`, name: name ?? `${role} ${id.slice(0, 6)}`, role, passwordHash: await passwordHash },
  });
}

export async function createTestDocument(owner: { id: string }, members: { id: string; role: DocumentRole }[] = []) {
  return getPrisma().document.create({
    data: {
      title: `Test document ${randomUUID().slice(0, 8)}`,
      createdById: owner.id,
      members: { create: [{ userId: owner.id, role: "editor" }, ...members.map((member) => ({ userId: member.id, role: member.role }))] },
    },
  });
}

/** A real next-auth session cookie for the user, as the sign-in flow would set it (with its session row). */
export async function sessionCookie(user: { id: string; name: string; email: string }, options: { sessionId?: string } = {}): Promise<string> {
  const sid = options.sessionId ?? (await createSession(user.id)).id;
  const token = await encode({ token: { sub: user.id, sid, name: user.name, email: user.email }, secret: TEST_AUTH_SECRET });
  return `next-auth.session-token=${token}`;
}

/** Polls until the condition holds (never a fixed sleep). */
export async function waitFor(condition: () => boolean | Promise<boolean>, { timeout = 5000, interval = 20, message = "condition" } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
