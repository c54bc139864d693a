// The audit log: who did what, when. Written by the server in the same
// transaction as the change it records; read per document (its members) or
// newsroom-wide (newsroom editors).
import { z } from "zod";
import type { NewsroomAuditQuery } from "../../lib/apiSchemas";
import type { AuditEventView, NewsroomAuditEventView, NewsroomAuditPage } from "../../lib/audit/auditTypes";
import type { Prisma } from "../db/generated/client";
import { getPrisma } from "../db/prisma";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { AppError } from "../errors";
import { canReadNewsroomAudit, type Actor } from "../policies";
import { presentUser } from "../review/threadView";
import { findPeople } from "../users/findPeople";

export function auditEventData(args: { actorId: string; documentId: string | null; action: string; details?: Record<string, unknown> }): Prisma.AuditEventUncheckedCreateInput {
  return { actorId: args.actorId, documentId: args.documentId, action: args.action, details: (args.details ?? {}) as Prisma.InputJsonValue };
}

type AuditRow = { id: string; action: string; details: Prisma.JsonValue; createdAt: Date; actor: { id: string; name: string } };

export async function listDocumentAudit(actor: Actor, documentId: string): Promise<AuditEventView[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  const rows = await getPrisma().auditEvent.findMany({
    where: { documentId },
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { actor: { select: { id: true, name: true } } },
  });
  return presentEvents(rows);
}

/**
 * Every document's events, newest first, a page at a time. Ordered by (time, id)
 * so events stored in the same millisecond still page without gaps or repeats.
 */
export async function listNewsroomAudit(actor: Actor, query: NewsroomAuditQuery): Promise<NewsroomAuditPage> {
  if (!canReadNewsroomAudit(actor)) throw new AppError("forbidden", "Only newsroom editors can read the newsroom audit log");
  const before = query.before === undefined ? undefined : await cursorCondition(query.before);
  const rows = await getPrisma().auditEvent.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.documentId ? { documentId: query.documentId } : {}),
      ...before,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // One more than asked tells whether an older page exists.
    take: query.limit + 1,
    include: { actor: { select: { id: true, name: true } }, document: { select: { id: true, title: true } } },
  });
  const page = rows.slice(0, query.limit);
  const views = await presentEvents(page);
  const events: NewsroomAuditEventView[] = views.map((view, index) => ({ ...view, document: page[index]!.document }));
  return { events, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/** `before` is an event id (strictly older than that event) or a time (strictly before it). */
async function cursorCondition(before: string): Promise<Prisma.AuditEventWhereInput> {
  if (z.uuid().safeParse(before).success) {
    const event = await getPrisma().auditEvent.findUnique({ where: { id: before }, select: { id: true, createdAt: true } });
    if (!event) throw new AppError("unprocessable", "before names no audit event: pass the nextCursor of the previous page, or a time");
    return { OR: [{ createdAt: { lt: event.createdAt } }, { createdAt: event.createdAt, id: { lt: event.id } }] };
  }
  return { createdAt: { lt: new Date(before) } };
}

/** The API shape, with the person a membership event is about looked up once for the whole page. */
async function presentEvents(rows: AuditRow[]): Promise<AuditEventView[]> {
  const details = rows.map((row) => (isRecord(row.details) ? row.details : {}));
  const byId = await findPeople(details.map((detail) => detail.userId));
  return rows.map((row, index) => {
    const detail = details[index]!;
    return {
      id: row.id,
      action: row.action,
      actor: presentUser(row.actor),
      details: detail,
      subject: typeof detail.userId === "string" ? (byId.get(detail.userId) ?? null) : null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
