import { NextResponse } from "next/server";
import { updateSettingsBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { withSessionUser } from "@/server/api/routeHandler";
import { emailEnabled } from "@/server/email/emailSettings";
import { getEmailPreference, setEmailPreference } from "@/server/users/emailPreference";

export const dynamic = "force-dynamic";

/** The signed-in person's own settings; nobody changes someone else's. */
export const GET = withSessionUser(async ({ user }) =>
  NextResponse.json({ emailNotifications: await getEmailPreference(user.id), emailAvailable: emailEnabled() }),
);

export const PATCH = withSessionUser(async ({ request, user }) => {
  const { emailNotifications } = await readJsonBody(request, updateSettingsBody);
  await setEmailPreference(user.id, emailNotifications);
  return NextResponse.json({ emailNotifications, emailAvailable: emailEnabled() });
});
