// RSS 2.0 of the same live pieces as /feed.json (content:encoded carries the
// article's sanitized HTML; dc:creator the byline, as RSS's own <author> wants an email).
import { newsroomName } from "../newsroomName";
import { escapeHtml } from "./escapeHtml";
import { FEED_SIZE } from "./feed";
import { listLivePublications } from "./livePublications";
import { FRONT_PAGE_PATH } from "./publicPage";

const xml = escapeHtml;
/** A CDATA section cannot contain "]]>": split it across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const plainText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

export async function buildRssFeed(origin: string, now = new Date()): Promise<string> {
  const rows = await listLivePublications({ limit: FEED_SIZE, now });
  const name = newsroomName();
  const items = rows.map((row) => {
    const url = `${origin}/p/${row.slug}`;
    const description = row.dek ?? plainText(row.html).slice(0, 300);
    return `<item>
<title>${xml(row.headline)}</title>
<link>${xml(url)}</link>
<guid isPermaLink="true">${xml(url)}</guid>
<description>${xml(description)}</description>
<dc:creator>${xml(row.bylineName)}</dc:creator>
<pubDate>${row.firstPublishedAt.toUTCString()}</pubDate>
${row.section ? `<category>${xml(row.section)}</category>\n` : ""}${row.tags.map((tag) => `<category>${xml(tag)}</category>\n`).join("")}<content:encoded>${cdata(row.html)}</content:encoded>
</item>`;
  });
  const lastBuild = rows[0]?.publishAt ?? now;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(name)}</title>
<link>${xml(`${origin}${FRONT_PAGE_PATH}`)}</link>
<description>${xml(`The latest from ${name}`)}</description>
<language>en</language>
<lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
<atom:link href="${xml(`${origin}/feed.xml`)}" rel="self" type="application/rss+xml"/>
${items.join("\n")}
</channel>
</rss>
`;
}
