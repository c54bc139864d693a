// The newsroom directory, for mentions and the share dialog. Everyone signed
// in sees names, newsroom roles and colours; email addresses only newsroom
// editors and admins, who manage accounts (an address book of the whole
// newsroom is what a phishing campaign wants).
import { userColor } from "../../lib/userColor";
import { getPrisma } from "../db/prisma";
import { canSeeEmails, type Actor } from "../policies";

export async function listNewsroomUsers(actor: Actor) {
  const users = await getPrisma().user.findMany({ select: { id: true, name: true, email: true, role: true }, orderBy: { name: "asc" }, take: 1000 });
  const withEmails = canSeeEmails(actor);
  return users.map(({ email, ...user }) => ({ ...user, ...(withEmails ? { email } : {}), color: userColor(user.id) }));
}
