import { getCurrentUser } from "@/server/auth/currentUser";
import { mediaResponse } from "@/server/media/mediaResponse";

export const dynamic = "force-dynamic";

// No session needed: a published piece's images are public; mediaResponse decides.
export async function GET(_request: Request, context: { params: Promise<{ hash: string; variant: string }> }) {
  const { hash, variant } = await context.params;
  return mediaResponse(await getCurrentUser(), hash, variant);
}
