// The public front page (/p): the live pieces, newest first, with headline,
// dek, byline and date, inside the public frame.
import { newsroomName } from "../newsroomName";
import { escapeHtml } from "./escapeHtml";
import type { LivePublication } from "./livePublications";
import { formatDate } from "./publicDates";
import { renderPublicPage } from "./publicPage";

export function renderFrontPage(stories: Pick<LivePublication, "slug" | "headline" | "dek" | "bylineName" | "firstPublishedAt" | "section">[]): string {
  const list =
    stories.length === 0
      ? `<p>Nothing is published yet.</p>`
      : `<ol class="story-list">${stories
          .map(
            (story) => `<li class="story"><article>
${story.section ? `<p class="kicker">${escapeHtml(story.section)}</p>` : ""}<h2><a href="/p/${escapeHtml(story.slug)}">${escapeHtml(story.headline)}</a></h2>
${story.dek ? `<p class="dek">${escapeHtml(story.dek)}</p>` : ""}<p class="byline">By ${escapeHtml(story.bylineName)} · <time datetime="${story.firstPublishedAt.toISOString()}">${formatDate(story.firstPublishedAt)}</time></p>
</article></li>`,
          )
          .join("\n")}</ol>`;
  return renderPublicPage({
    title: newsroomName(),
    head: `<meta name="description" content="${escapeHtml(`The latest stories from ${newsroomName()}`)}">\n`,
    body: `<h1 class="front-title">Latest stories</h1>\n${list}`,
  });
}
