// People by id, as the UI shows them (name and colour), in one query for a
// whole list: version editors, paragraph authors, the subjects of audit events.
import { z } from "zod";
import type { PresentUser } from "../../lib/documentTypes";
import { getPrisma } from "../db/prisma";
import { presentUser } from "../review/threadView";

const uuid = z.uuid();

/** Ids that are not user ids (old or hand-written details) are left out rather than failing the query on the uuid column. */
export async function findPeople(ids: Iterable<unknown>): Promise<Map<string, PresentUser>> {
  const wanted = [...new Set([...ids].filter((id): id is string => uuid.safeParse(id).success))];
  if (wanted.length === 0) return new Map();
  const users = await getPrisma().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, presentUser(user)]));
}
