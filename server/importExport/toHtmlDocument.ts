// A complete, standalone HTML file for a document: the body rendered and
// sanitized by the publishing renderer (one set of rules for every HTML we
// hand out), the title escaped here.
import type { JSONContent } from "@tiptap/core";
import { renderArticleHtml } from "../publishing/renderArticleHtml";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/** `content` must hold no suggestion marks (see withoutSuggestions). */
export function toHtmlDocument(title: string, content: JSONContent): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;color:#1b1f24;font:1.1rem/1.65 Charter,"Bitstream Charter",Cambria,Georgia,serif}
main{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem}
blockquote{border-left:4px solid #a3262a;margin:1.5rem 0;padding:.1rem 0 .1rem 1rem;color:#4a525c}
pre{background:#f5f4f0;padding:.75rem;overflow:auto}
.tableWrapper{overflow-x:auto;margin:1.5rem 0}
table{border-collapse:collapse;min-width:100%;font:.95rem/1.5 system-ui,sans-serif}
th,td{border:1px solid #dedbd2;padding:.45rem .7rem;text-align:left;vertical-align:top}th{background:#f5f4f0}th p,td p{margin:0}
figure{margin:2rem 0}figure img{display:block;max-width:100%;height:auto}figcaption{font-size:.9rem;color:#4a525c}.figure-credit{margin-left:.4rem;color:#545c66}
.related-card{margin:2rem 0;border-left:4px solid #a3262a;padding:.5rem 1rem}.related-card a{display:flex;flex-direction:column;color:inherit;text-decoration:none}
.related-card-kicker{font-size:.75rem;text-transform:uppercase;color:#a3262a}.related-card-headline{font-weight:600;color:#1849a9}
</style>
</head>
<body>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
${renderArticleHtml(content)}
</article>
</main>
</body>
</html>
`;
}
