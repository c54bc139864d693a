// The audit log: who did what, when. Written by the server in the same
// transaction as the change it records.
import type { Prisma } from "../db/generated/client";
import { getPrisma } from "../db/prisma";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { presentUser } from "../review/threadView";
import type { Actor } from "../policies";

export type AuditEventView = {
  id: string;
  action: string;
  actor: { id: string; name: string; color: string };
  details: Record<string, unknown>;
  createdAt: string;
};

export function auditEventData(args: { actorId: string; documentId: string | null; action: string; details?: Record<string, unknown> }): Prisma.AuditEventUncheckedCreateInput {
  return { actorId: args.actorId, documentId: args.documentId, action: args.action, details: (args.details ?? {}) as Prisma.InputJsonValue };
}

export async function listDocumentAudit(actor: Actor, documentId: string): Promise<AuditEventView[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  const rows = await getPrisma().auditEvent.findMany({
    where: { documentId },
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { actor: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    actor: presentUser(row.actor),
    details: row.details as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
  }));
}
