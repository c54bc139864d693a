// The frame of every public page (articles, the front page, 404 and 410): the
// newsroom's name as a masthead linking to the front page, the feeds in the
// footer, one stylesheet. Plain HTML, no JavaScript (script-src 'none').
import { newsroomName } from "../newsroomName";
import { escapeHtml } from "./escapeHtml";

export const FRONT_PAGE_PATH = "/p";

export function renderPublicPage(args: { title: string; head?: string; body: string; bodyClass?: string }): string {
  const name = escapeHtml(newsroomName());
  const title = escapeHtml(args.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title === name ? name : `${title} · ${name}`}</title>
<link rel="icon" href="/favicon.ico" sizes="any">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="alternate" type="application/rss+xml" title="${name}" href="/feed.xml">
<link rel="alternate" type="application/feed+json" title="${name}" href="/feed.json">
${args.head ?? ""}<style>${PUBLIC_CSS}</style>
</head>
<body${args.bodyClass ? ` class="${args.bodyClass}"` : ""}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead"><a class="masthead-name" href="${FRONT_PAGE_PATH}">${name}</a></header>
<main id="main">
${args.body}
</main>
<footer class="site-footer"><nav aria-label="${name}"><a href="${FRONT_PAGE_PATH}">All stories</a> <span aria-hidden="true">·</span> <a href="/feed.xml">RSS feed</a> <span aria-hidden="true">·</span> <a href="/feed.json">JSON Feed</a></nav></footer>
</body>
</html>`;
}

// Colours chosen for WCAG 2.1 AA: every text colour here is at least 4.5:1 on its background.
const PUBLIC_CSS = `
body{margin:0;background:#fff;color:#1b1f24;font:1.15rem/1.7 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem .75rem}.skip-link:focus{left:.5rem;top:.5rem}
.masthead{border-bottom:3px solid #1b1f24;padding:1rem 1.25rem;text-align:center}
.masthead-name{font:700 1.6rem/1.2 Charter,Georgia,serif;color:#1b1f24;text-decoration:none;letter-spacing:.01em}
.masthead-name:hover,.masthead-name:focus-visible{text-decoration:underline}
main{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem 3rem}
.site-footer{border-top:1px solid #dedbd2;padding:1.25rem;text-align:center;font:.9rem/1.5 system-ui,sans-serif;color:#4a525c}
.kicker{font:600 .8rem/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#a3262a}
h1{font-size:2.3rem;line-height:1.15;margin:.5rem 0 .75rem}
.dek{font-size:1.3rem;color:#4a525c;margin:0 0 1.25rem}
.meta{font:.9rem/1.5 system-ui,sans-serif;color:#545c66;border-top:1px solid #dedbd2;border-bottom:1px solid #dedbd2;padding:.6rem 0;margin-bottom:2rem}
.notice{font:.95rem/1.5 system-ui,sans-serif;background:#fff7e0;border:1px solid #f0d68a;padding:.6rem .9rem;border-radius:6px;margin-bottom:1.5rem}
h2{font-size:1.5rem;margin:2rem 0 .5rem}h3{font-size:1.2rem;margin:1.5rem 0 .4rem}
blockquote{border-left:4px solid #a3262a;margin:1.5rem 0;padding:.1rem 0 .1rem 1rem;color:#4a525c}
a{color:#1849a9}
:focus-visible{outline:3px solid #1d5fd1;outline-offset:2px}
.tableWrapper{overflow-x:auto;margin:1.5rem 0}
table{border-collapse:collapse;min-width:100%;font:.95rem/1.5 system-ui,sans-serif}
th,td{border:1px solid #dedbd2;padding:.45rem .7rem;text-align:left;vertical-align:top}th{background:#f5f4f0}th p,td p{margin:0}
figure{margin:2rem 0}figure img{display:block;width:100%;height:auto;background:#eeece6}
figcaption{font:.9rem/1.5 system-ui,sans-serif;color:#4a525c;margin-top:.5rem}.figure-credit{color:#545c66;margin-left:.4rem}
.figure-lead{margin:0 0 2rem}
.related-card{margin:2rem 0;border:1px solid #dedbd2;border-left:4px solid #a3262a;border-radius:6px;background:#fbfaf7}
.related-card a{display:flex;flex-direction:column;gap:.15rem;padding:.8rem 1rem;color:inherit;text-decoration:none;font-family:system-ui,sans-serif;line-height:1.4}
.related-card a:hover .related-card-headline,.related-card a:focus-visible .related-card-headline{text-decoration:underline}
.related-card-kicker{font-size:.72rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:#a3262a}
.related-card-headline{font-weight:600;font-size:1.05rem;color:#1849a9}.related-card-teaser{font-size:.92rem;color:#4a525c}
.corrections{font:.9rem/1.5 system-ui,sans-serif;color:#4a525c;border-top:1px solid #dedbd2;margin-top:3rem;padding-top:1rem}
.front-title{font-size:1rem;font:600 .8rem/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#4a525c;margin:0 0 1.5rem}
.story-list{list-style:none;margin:0;padding:0}
.story{border-bottom:1px solid #dedbd2;padding:1.25rem 0}.story:first-child{padding-top:0}
.story h2{font-size:1.45rem;line-height:1.25;margin:0 0 .35rem}.story h2 a{color:#1b1f24;text-decoration:none}
.story h2 a:hover,.story h2 a:focus-visible{text-decoration:underline}
.story .dek{font-size:1.05rem;margin:0 0 .4rem}.story .byline{font:.85rem/1.5 system-ui,sans-serif;color:#545c66;margin:0}
.status-page h1{font-size:2rem}.status-page p{margin:0 0 1rem}
.status-code{font:600 .8rem/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#a3262a}
@media print{body{font-size:11pt}main{max-width:none;padding:0}.site-footer,.skip-link{display:none}.corrections a{color:inherit}a{color:inherit;text-decoration:none}}
`;
