import { HTML } from "@/server/publishing/articleResponse";
import { renderFrontPage } from "@/server/publishing/frontPage";
import { listLivePublications } from "@/server/publishing/livePublications";
import { revalidatedResponse } from "@/server/publishing/publicCaching";

export const dynamic = "force-dynamic";

/** The public front page: "/" is the signed-in dashboard, so readers start at /p (README, "The reader's side"). */
export async function GET(request: Request) {
  const stories = await listLivePublications({ limit: 50 });
  return revalidatedResponse(request, renderFrontPage(stories), { "content-type": HTML });
}
