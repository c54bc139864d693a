// The newsroom directory, for mentions and the share dialog.
import { userColor } from "../../lib/userColor";
import { getPrisma } from "../db/prisma";

export async function listNewsroomUsers() {
  const users = await getPrisma().user.findMany({ select: { id: true, name: true, email: true, role: true }, orderBy: { name: "asc" }, take: 1000 });
  return users.map((user) => ({ ...user, color: userColor(user.id) }));
}
