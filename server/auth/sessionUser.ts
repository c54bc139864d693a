// The signed-in user as the server knows it: always re-read from the database
// so a deleted user or a changed role takes effect at once.
import { z } from "zod";
import type { NewsroomRole } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";

export type SessionUser = { id: string; email: string; name: string; role: NewsroomRole };

const userIdSchema = z.uuid();

export async function findSessionUser(userId: string | undefined): Promise<SessionUser | null> {
  // Not a uuid: no such user (the query on the uuid column would fail as a database error).
  if (!userIdSchema.safeParse(userId).success) return null;
  return getPrisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true },
  });
}
