// The public 404 and 410 pages, in the public frame: a reader who follows an
// old or early link learns what happened and finds the way to the front page.
import { escapeHtml } from "./escapeHtml";
import { formatDate } from "./publicDates";
import { FRONT_PAGE_PATH, renderPublicPage } from "./publicPage";

const robots = `<meta name="robots" content="noindex">\n`;

export function renderNotFoundPage(): string {
  return renderPublicPage({
    title: "Page not found",
    head: robots,
    bodyClass: "status-page",
    body: `<p class="status-code">Error 404</p>
<h1>Page not found</h1>
<p>There is no published story at this address. It may not be published yet, or the link may be mistyped.</p>
<p><a href="${FRONT_PAGE_PATH}">See the latest stories</a></p>`,
  });
}

/** 410: the story existed and was withdrawn; the editors' note for readers when they gave one. */
export function renderWithdrawnPage(args: { headline: string; unpublishedAt: Date; readerNote: string | null }): string {
  return renderPublicPage({
    title: "Story withdrawn",
    head: robots,
    bodyClass: "status-page",
    body: `<p class="status-code">Withdrawn</p>
<h1>This story was withdrawn</h1>
<p>“${escapeHtml(args.headline)}” was withdrawn by the newsroom on <time datetime="${args.unpublishedAt.toISOString()}">${formatDate(args.unpublishedAt)}</time> and is no longer available.</p>
${args.readerNote ? `<p class="notice"><strong>Note from the editors:</strong> ${escapeHtml(args.readerNote)}</p>\n` : ""}<p><a href="${FRONT_PAGE_PATH}">See the latest stories</a></p>`,
  });
}
