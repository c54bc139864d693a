// Creating newsroom accounts (seed and the user:create command).
import { z } from "zod";
import { MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../lib/limits";
import { hashPassword } from "../auth/password";
import type { NewsroomRole } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";

export const NEWSROOM_ROLES = ["admin", "editor", "analyst", "viewer"] as const satisfies readonly NewsroomRole[];

export const newUserInput = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email("Not an email address")),
  name: z.string().trim().min(1, "Name must not be empty").max(MAX_NAME_LENGTH),
  role: z.enum(NEWSROOM_ROLES),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH),
});
export type NewUserInput = z.input<typeof newUserInput>;

export async function createUser(input: NewUserInput) {
  const data = newUserInput.parse(input);
  const prisma = getPrisma();
  if (await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("conflict", `A user with email ${data.email} already exists`);
  }
  return prisma.user.create({
    data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) },
    select: { id: true, email: true, name: true, role: true },
  });
}
