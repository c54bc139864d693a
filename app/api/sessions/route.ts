import { withSessionUser } from "@/server/api/routeHandler";
import { revokeAllSessions } from "@/server/auth/sessions";

export const dynamic = "force-dynamic";

/** Sign out everywhere: ends every session of the signed-in user, this one included. */
export const DELETE = withSessionUser(async ({ user }) => {
  await revokeAllSessions(user.id);
  return new Response(null, { status: 204 });
});
