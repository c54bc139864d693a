import { articleResponse } from "@/server/publishing/articleResponse";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string; version: string }> }) {
  const { slug, version } = await context.params;
  const number = Number(version);
  if (!Number.isInteger(number) || number < 1) return articleResponse(request, slug, -1);
  return articleResponse(request, slug, number);
}
