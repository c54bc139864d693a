// The public article page: a complete, static HTML document (no editor or app
// JavaScript) with the metadata search engines and social cards read.
import type { JSONContent } from "@tiptap/core";
import { mediaUrl, ORIGINAL_VARIANT } from "../../lib/media";
import { leadFigureOf } from "./leadFigure";
import type { PublicationRow } from "./publicArticle";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
const formatDate = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const plainText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(publication.headline)}</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="icon" href="/favicon.ico" sizes="any">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
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
<style>
body{margin:0;background:#fff;color:#1b1f24;font:1.15rem/1.7 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}
main{max-width:42rem;margin:0 auto;padding:3rem 1.25rem 4rem}
.kicker{font:600 .8rem/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#a3262a}
h1{font-size:2.3rem;line-height:1.15;margin:.5rem 0 .75rem}
.dek{font-size:1.3rem;color:#4a525c;margin:0 0 1.25rem}
.meta{font:.9rem/1.5 system-ui,sans-serif;color:#6b7480;border-top:1px solid #dedbd2;border-bottom:1px solid #dedbd2;padding:.6rem 0;margin-bottom:2rem}
.notice{font:.95rem/1.5 system-ui,sans-serif;background:#fff7e0;border:1px solid #f0d68a;padding:.6rem .9rem;border-radius:6px;margin-bottom:1.5rem}
h2{font-size:1.5rem;margin:2rem 0 .5rem}h3{font-size:1.2rem;margin:1.5rem 0 .4rem}
blockquote{border-left:4px solid #a3262a;margin:1.5rem 0;padding:.1rem 0 .1rem 1rem;color:#4a525c}
a{color:#1849a9}
.tableWrapper{overflow-x:auto;margin:1.5rem 0}
table{border-collapse:collapse;min-width:100%;font:.95rem/1.5 system-ui,sans-serif}
th,td{border:1px solid #dedbd2;padding:.45rem .7rem;text-align:left;vertical-align:top}th{background:#f5f4f0}th p,td p{margin:0}
figure{margin:2rem 0}figure img{display:block;width:100%;height:auto;background:#eeece6}
figcaption{font:.9rem/1.5 system-ui,sans-serif;color:#4a525c;margin-top:.5rem}.figure-credit{color:#6b7480;margin-left:.4rem}
.figure-lead{margin:0 0 2rem}
.related-card{margin:2rem 0;border:1px solid #dedbd2;border-left:4px solid #a3262a;border-radius:6px;background:#fbfaf7}
.related-card a{display:flex;flex-direction:column;gap:.15rem;padding:.8rem 1rem;color:inherit;text-decoration:none;font-family:system-ui,sans-serif;line-height:1.4}
.related-card a:hover .related-card-headline,.related-card a:focus-visible .related-card-headline{text-decoration:underline}
.related-card-kicker{font-size:.72rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:#a3262a}
.related-card-headline{font-weight:600;font-size:1.05rem;color:#1849a9}.related-card-teaser{font-size:.92rem;color:#4a525c}
.corrections{font:.9rem/1.5 system-ui,sans-serif;color:#4a525c;border-top:1px solid #dedbd2;margin-top:3rem;padding-top:1rem}
@media print{body{font-size:11pt}main{max-width:none;padding:0}.corrections a{color:inherit}a{color:inherit;text-decoration:none}}
</style>
</head>
<body>
<main>
<article>
${publication.section ? `<p class="kicker">${escapeHtml(publication.section)}</p>` : ""}
<h1>${escapeHtml(publication.headline)}</h1>
${publication.dek ? `<p class="dek">${escapeHtml(publication.dek)}</p>` : ""}
<p class="meta">By ${escapeHtml(publication.bylineName)} · Published <time datetime="${first.publishAt.toISOString()}">${formatDate(first.publishAt)}</time>${
    publication.version > 1 ? ` · Updated <time datetime="${publication.publishAt.toISOString()}">${formatDate(publication.publishAt)}</time>` : ""
  }</p>
${!isLatest ? `<p class="notice">You are reading version ${publication.version}. <a href="/p/${escapeHtml(publication.slug)}">Read the current version</a>.</p>` : ""}
${publication.note ? `<p class="notice">Updated ${formatDate(publication.publishAt)}: ${escapeHtml(publication.note)}</p>` : ""}
${publication.html}
</article>
${
  corrections.length > 0 || history.length > 1
    ? `<section class="corrections" aria-labelledby="corrections"><h2 id="corrections">Corrections and updates</h2><ol>${history
        .map(
          (row) =>
            `<li><a href="/p/${escapeHtml(row.slug)}/v/${row.version}">Version ${row.version}</a>, ${formatDate(row.publishAt)}${row.note ? `: ${escapeHtml(row.note)}` : " (first published)"}</li>`,
        )
        .join("")}</ol></section>`
    : ""
}
</main>
</body>
</html>`;
}
