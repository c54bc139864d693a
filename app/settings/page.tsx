import type { Metadata } from "next";
import { AppHeader } from "@/components/AppHeader";
import { EmailSettingsForm } from "@/components/settings/EmailSettingsForm";
import { requireCurrentUser } from "@/server/auth/currentUser";
import { emailEnabled } from "@/server/email/emailSettings";
import { canReadNewsroomAudit } from "@/server/policies";
import { getEmailPreference } from "@/server/users/emailPreference";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireCurrentUser("/settings");
  const emailNotifications = await getEmailPreference(user.id);
  return (
    <>
      <AppHeader user={user} canReadNewsroomAudit={canReadNewsroomAudit(user)} current="settings" />
      <main id="main" className="page settings-page">
        <h1 className="page-title">Settings</h1>
        <p className="page-subtitle">Signed in as {user.name} ({user.email}).</p>
        <EmailSettingsForm initialEmailNotifications={emailNotifications} emailAvailable={emailEnabled()} />
      </main>
    </>
  );
}
