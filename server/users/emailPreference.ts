// A person's own choice about email: on by default, off on the settings page.
import { getPrisma } from "../db/prisma";

export async function getEmailPreference(userId: string): Promise<boolean> {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { id: userId }, select: { emailNotifications: true } });
  return user.emailNotifications;
}

/**
 * Also drops what is already waiting in the queue for them: "stop emailing me"
 * takes effect now, not after the emails queued before it went out.
 */
export async function setEmailPreference(userId: string, emailNotifications: boolean): Promise<void> {
  const prisma = getPrisma();
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { emailNotifications } }),
    ...(emailNotifications
      ? []
      : [prisma.emailNotification.updateMany({ where: { recipientId: userId, sentAt: null, abandonedAt: null }, data: { abandonedAt: new Date(), lastError: "opted out" } })]),
  ]);
}
