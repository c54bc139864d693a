// Account administration (the user:disable and user:set-password commands).
// Both end every session of the account at once: a disabled user is signed
// out everywhere, and a new password (after a leak, say) signs out whoever
// held the old one.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../lib/limits";
import { hashPassword } from "../auth/password";
import { disableUser, revokeAllSessions } from "../auth/sessions";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";

const email = z.string().trim().toLowerCase().max(320).pipe(z.email("Not an email address"));
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

async function getUserByEmailOrThrow(address: string) {
  const user = await getPrisma().user.findUnique({ where: { email: email.parse(address) }, select: { id: true, email: true, name: true } });
  if (!user) throw new AppError("not_found", `No user with email ${address}`);
  return user;
}

export async function disableAccount(address: string) {
  const user = await getUserByEmailOrThrow(address);
  await disableUser(user.id);
  return user;
}

export async function setAccountPassword(address: string, newPassword: string) {
  const user = await getUserByEmailOrThrow(address);
  const passwordHash = await hashPassword(password.parse(newPassword));
  await getPrisma().user.update({ where: { id: user.id }, data: { passwordHash } });
  await revokeAllSessions(user.id);
  return user;
}
