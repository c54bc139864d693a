import { describe, expect, it } from "vitest";
import { renderFrontPage } from "./frontPage";
import type { PublicationRow } from "./publicArticle";
import { renderArticlePage } from "./renderArticlePage";
import { renderNotFoundPage, renderWithdrawnPage } from "./statusPages";

const publication = (version: number, publishAt: string, note: string | null = null) =>
  ({
    id: `p${version}`,
    documentId: "d1",
    version,
    slug: "istanbul-talks",
    headline: "Istanbul talks",
    dek: "What the meeting achieved",
    bylineName: "Ayşe Demir",
    section: null,
    tags: [],
    html: "<p>The meeting lasted under two hours.</p>",
    json: { type: "doc", content: [] },
    contentHash: "x",
    note,
    publisherId: "u1",
    publishAt: new Date(publishAt),
    createdAt: new Date(publishAt),
    document: { id: "d1", unpublishedAt: null, unpublishedReaderNote: null },
  }) as PublicationRow;

describe("public pages", () => {
  it("every page has the masthead linking to the front page, and the feeds", () => {
    for (const html of [renderNotFoundPage(), renderFrontPage([]), renderArticlePage(publication(1, "2026-12-05T09:10:00Z"), [publication(1, "2026-12-05T09:10:00Z")], "https://x.test")]) {
      expect(html).toContain('<header class="masthead"><a class="masthead-name" href="/p">Newsroom</a></header>');
      expect(html).toContain('href="/feed.xml"');
      expect(html).not.toContain("<script>");
    }
  });

  it("a same-day correction shows its time, and says Updated once", () => {
    const first = publication(1, "2026-12-05T09:10:00Z");
    const corrected = publication(2, "2026-12-05T14:32:00Z", "Corrected the duration.");
    const html = renderArticlePage(corrected, [corrected, first], "https://x.test");
    expect(html).toContain("Published <time datetime=\"2026-12-05T09:10:00.000Z\">5 December 2026, 09:10 UTC</time> · Updated <time datetime=\"2026-12-05T14:32:00.000Z\">14:32 UTC</time>");
    expect(html.match(/Updated/g)).toHaveLength(1);
    expect(html).toContain("<strong>Correction or update:</strong> Corrected the duration.");
  });

  it("a correction on a later day gives the date", () => {
    const first = publication(1, "2026-12-05T09:10:00Z");
    const corrected = publication(2, "2026-12-07T08:00:00Z", "Added the communiqué.");
    expect(renderArticlePage(corrected, [corrected, first], "https://x.test")).toContain("Updated <time datetime=\"2026-12-07T08:00:00.000Z\">7 December 2026</time>");
  });

  it("the withdrawn page says so, with the editors' note for readers when there is one", () => {
    const html = renderWithdrawnPage({ headline: "Istanbul <talks>", unpublishedAt: new Date("2026-12-05T10:00:00Z"), readerNote: "A source retracted." });
    expect(html).toContain("<h1>This story was withdrawn</h1>");
    expect(html).toContain("“Istanbul &lt;talks&gt;” was withdrawn by the newsroom on");
    expect(html).toContain("<strong>Note from the editors:</strong> A source retracted.");
    expect(renderWithdrawnPage({ headline: "X", unpublishedAt: new Date(), readerNote: null })).not.toContain("Note from the editors");
  });
});
