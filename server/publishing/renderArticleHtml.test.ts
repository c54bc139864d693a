import { describe, expect, it } from "vitest";
import { istanbulTalksAnalysis } from "../seed/istanbulTalksAnalysis";
import { renderArticleHtml, sanitizeArticleHtml } from "./renderArticleHtml";

describe("published HTML", () => {
  it("strips scripts, event handlers, javascript: URLs and iframes", () => {
    const dirty = `<p onclick="steal()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)><a href="https://example.org" target="_blank" onmouseover="x()">ok</a>`;
    const clean = sanitizeArticleHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|onmouseover|javascript:|iframe|<img/i);
    expect(clean).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">ok</a>');
    expect(clean).toContain("<p>Hi</p>");
  });

  it("renders the seeded analysis with the editor's schema", () => {
    const html = renderArticleHtml(istanbulTalksAnalysis);
    expect(html).toContain("<h2>The setting</h2>");
    expect(html).toMatch(/<blockquote><p><strong>Key takeaway:/);
    expect(html).toContain("<ul>");
    expect(html).toContain("Dolmabahçe");
  });

  it("renders a table inside its scrolling wrapper, keeping alignment and spans but no editor widths or other styles", () => {
    const cell = (type: string, text: string, attrs: object = {}) => ({ type, attrs, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    const html = renderArticleHtml({
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            { type: "tableRow", content: [cell("tableHeader", "Side"), cell("tableHeader", "Asked", { align: "right", colwidth: [300] })] },
            { type: "tableRow", content: [cell("tableCell", "Both", { colspan: 2 })] },
          ],
        },
      ],
    });
    expect(html).toBe(
      '<div class="tableWrapper"><table><tbody><tr><th colspan="1" rowspan="1"><p>Side</p></th><th colspan="1" rowspan="1" style="text-align:right"><p>Asked</p></th></tr>' +
        '<tr><td colspan="2" rowspan="1"><p>Both</p></td></tr></tbody></table></div>',
    );
    expect(sanitizeArticleHtml('<div class="evil tableWrapper" style="position:fixed"><table><tbody><tr><td style="background:url(x);text-align:left">x</td></tr></tbody></table></div>')).toBe(
      '<div class="tableWrapper"><table><tbody><tr><td style="text-align:left">x</td></tr></tbody></table></div>',
    );
  });

  it("renders a related-article card as a link with its headline and teaser, and never links a non-web address", () => {
    const card = (href: string) => ({ type: "doc", content: [{ type: "relatedCard", attrs: { href, headline: "Antalya <b>talks</b>", teaser: "What NATO agreed" } }] });
    expect(renderArticleHtml(card("https://example.org/antalya"))).toBe(
      '<aside class="related-card"><a href="https://example.org/antalya" rel="noopener noreferrer nofollow"><span class="related-card-kicker">Related</span>' +
        '<span class="related-card-headline">Antalya &lt;b&gt;talks&lt;/b&gt;</span><span class="related-card-teaser">What NATO agreed</span></a></aside>',
    );
    const unsafe = renderArticleHtml(card("javascript:alert(1)"));
    expect(unsafe).not.toMatch(/javascript|href/);
    expect(unsafe).toContain("Antalya &lt;b&gt;talks&lt;/b&gt;");
  });

  it("escapes text that looks like markup", () => {
    expect(renderArticleHtml({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "<script>x</script>" }] }] })).toBe(
      "<p>&lt;script&gt;x&lt;/script&gt;</p>",
    );
  });
});
