// The public article page: a complete, static HTML document (no editor or app
// JavaScript) with the metadata search engines and social cards read.
import type { JSONContent } from "@tiptap/core";
import { mediaUrl, ORIGINAL_VARIANT } from "../../lib/media";
import { leadFigureOf } from "./leadFigure";
import type { PublicationRow } from "./publicArticle";
import { escapeHtml } from "./escapeHtml";
import { formatDate, formatDateTime, formatTime, sameUtcDay } from "./publicDates";
import { renderPublicPage } from "./publicPage";
const plainText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
const timeTag = (date: Date, text: string) => `<time datetime="${date.toISOString()}">${text}</time>`;

/**
 * "By … · Published … · Updated …": the one place that says when the piece
 * changed. An update on the day of publication gives both times (a date alone
 * would say nothing); the note itself is shown without repeating the date.
 */
function metaLine(publication: PublicationRow, first: PublicationRow): string {
  const by = `By ${escapeHtml(publication.bylineName)}`;
  if (publication.version === first.version) return `${by} · Published ${timeTag(first.publishAt, formatDate(first.publishAt))}`;
  const sameDay = sameUtcDay(first.publishAt, publication.publishAt);
  const published = timeTag(first.publishAt, sameDay ? formatDateTime(first.publishAt) : formatDate(first.publishAt));
  const updated = timeTag(publication.publishAt, sameDay ? formatTime(publication.publishAt) : formatDate(publication.publishAt));
  return `${by} · Published ${published} · Updated ${updated}`;
}

export function renderArticlePage(publication: PublicationRow, history: PublicationRow[], origin: string): string {
  const first = history[history.length - 1] ?? publication;
  const isLatest = publication.version === history[0]?.version;
  const url = `${origin}/p/${publication.slug}${isLatest ? "" : `/v/${publication.version}`}`;
  const description = publication.dek ?? plainText(publication.html).slice(0, 160);
  const corrections = history.filter((row) => row.note);
  const lead = leadFigureOf(publication.json as JSONContent);
  // Crawlers and social cards get the image in its original format (JPEG, PNG…), at its largest.
  const leadImage = lead ? { url: `${origin}${mediaUrl(lead.hash, ORIGINAL_VARIANT)}`, ...lead } : null;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: publication.headline,
    description,
    datePublished: first.publishAt.toISOString(),
    dateModified: publication.publishAt.toISOString(),
    author: [{ "@type": "Person", name: publication.bylineName }],
    ...(publication.section ? { articleSection: publication.section } : {}),
    ...(publication.tags.length ? { keywords: publication.tags.join(", ") } : {}),
    mainEntityOfPage: url,
    ...(leadImage ? { image: [{ "@type": "ImageObject", url: leadImage.url, width: leadImage.width, height: leadImage.height, ...(leadImage.credit ? { creditText: leadImage.credit } : {}) }] } : {}),
  };
  const head = `<meta name="description" content="${escapeHtml(description)}">
<link rel="canonical" href="${escapeHtml(`${origin}/p/${publication.slug}`)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(publication.headline)}">
<meta property="og:description" content="${escapeHtml(description)}">
<meta property="og:url" content="${escapeHtml(url)}">
${
  leadImage
    ? `<meta property="og:image" content="${escapeHtml(leadImage.url)}">
<meta property="og:image:width" content="${leadImage.width}">
<meta property="og:image:height" content="${leadImage.height}">
<meta property="og:image:alt" content="${escapeHtml(leadImage.alt)}">
<meta name="twitter:card" content="summary_large_image">
`
    : ""
}<meta property="article:published_time" content="${first.publishAt.toISOString()}">
<meta property="article:modified_time" content="${publication.publishAt.toISOString()}">
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>
`;
  return renderPublicPage({
    title: publication.headline,
    head,
    body: `<article>
${publication.section ? `<p class="kicker">${escapeHtml(publication.section)}</p>` : ""}
<h1>${escapeHtml(publication.headline)}</h1>
${publication.dek ? `<p class="dek">${escapeHtml(publication.dek)}</p>` : ""}
<p class="meta">${metaLine(publication, first)}</p>
${!isLatest ? `<p class="notice">You are reading version ${publication.version}. <a href="/p/${escapeHtml(publication.slug)}">Read the current version</a>.</p>` : ""}
${publication.note ? `<p class="notice"><strong>Correction or update:</strong> ${escapeHtml(publication.note)}</p>` : ""}
${publication.html}
</article>
${
  corrections.length > 0 || history.length > 1
    ? `<section class="corrections" aria-labelledby="corrections"><h2 id="corrections">Corrections and updates</h2><ol>${history
        .map(
          (row) =>
            `<li><a href="/p/${escapeHtml(row.slug)}/v/${row.version}">Version ${row.version}</a>, ${timeTag(row.publishAt, formatDateTime(row.publishAt))}${row.note ? `: ${escapeHtml(row.note)}` : " (first published)"}</li>`,
        )
        .join("")}</ol></section>`
    : ""
}
`,
  });
}
