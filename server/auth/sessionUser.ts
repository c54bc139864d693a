// The signed-in user as the server knows it: always re-read from the database
// so a deleted user or a changed role takes effect at once.
import type { NewsroomRole } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";

export type SessionUser = { id: string; email: string; name: string; role: NewsroomRole };

export async function findSessionUser(userId: string | undefined): Promise<SessionUser | null> {
  if (!userId) return null;
  return getPrisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true },
  });
}
