import { articleResponse } from "@/server/publishing/articleResponse";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  return articleResponse(request, slug);
}
