import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { documentFromImport } from "./documentFromImport";

const importHtml = (text: string) => documentFromImport({ format: "html", text });

describe("HTML import", () => {
  it("keeps the article's structure and formatting", () => {
    const { title, content } = importHtml(
      `<h1>Istanbul talks</h1><p>Met at <strong>Dolmabahçe</strong>, <em>briefly</em>, <s>no</s> <code>x</code><br>next line</p><h2>Setting</h2><ul><li>one<ul><li>nested</li></ul></li></ul><ol start="2"><li>two</li></ol><blockquote><p>Quote</p></blockquote><pre><code class="language-js">let a = 1;</code></pre><hr><h4>Deep</h4>`,
    );
    expect(title).toBe("Istanbul talks");
    expect(content.content!.map((node) => node.type)).toEqual(["paragraph", "heading", "bulletList", "orderedList", "blockquote", "codeBlock", "horizontalRule", "heading"]);
    expect(content.content![0]!.content!.map((node) => node.marks?.[0]?.type ?? node.type)).toEqual(["text", "bold", "text", "italic", "text", "strike", "text", "code", "hardBreak", "text"]);
    expect(content.content![7]!.attrs).toEqual({ level: 3 });
    expect(content.content![5]!.attrs).toEqual({ language: "js" });
  });

  it("reduces scripts, handlers, javascript: links, iframes, images and forged suggestions to safe text", () => {
    const { content } = importHtml(
      `<p onclick="steal()">Hi<script>alert(1)</script><style>p{}</style></p><a href="javascript:alert(1)">js link</a> <a href="/relative">relative</a> <a href="https://example.org" target="_blank" class="x" onmouseover="x()">ok</a><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)><object data="x"></object><ins data-suggestion-id="s1" data-author-id="someone" data-author-name="Editor">forged</ins>`,
    );
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/script|alert|onclick|onmouseover|javascript:|iframe|evil|onerror|suggestion|_blank|"class":"x"|\/relative/i);
    // An image is a block (a figure) even inside a line: this one, with no usable address, leaves a break.
    expect(content.content!.map((node) => node.content?.map((child) => child.text).join(""))).toEqual(["Hi", "js link relative ok", "forged"]);
    const link = content.content![1]!.content!.find((node) => node.marks?.length);
    expect(link).toMatchObject({ text: "ok", marks: [{ type: "link", attrs: { href: "https://example.org", target: null, class: null } }] });
  });

  it("keeps tables: header cells, merged cells, alignment; the caption before it; short rows filled; widths and styles dropped", () => {
    const { content } = importHtml(
      `<table style="width:900px"><caption>What each side asked for</caption><colgroup><col width="300"></colgroup><thead><tr><th>Side</th><th style="text-align: right">Asked</th><th>Got</th></tr></thead><tbody><tr><td colspan="2" onclick="x()">Both: <b>talks</b></td><td>yes</td></tr><tr><td>Kyiv</td></tr></tbody></table>`,
    );
    expect(content.content!.map((node) => node.type)).toEqual(["paragraph", "table"]);
    expect(content.content![0]!.content![0]!.text).toBe("What each side asked for");
    const rows = content.content![1]!.content!;
    const cells = rows.map((row) => row.content!.map((cell) => [cell.type, cell.attrs!.colspan, cell.attrs!.align, cell.content!.map((block) => block.content?.map((child) => child.text).join("") ?? "").join("")]));
    expect(cells).toEqual([
      [["tableHeader", 1, null, "Side"], ["tableHeader", 1, "right", "Asked"], ["tableHeader", 1, null, "Got"]],
      [["tableCell", 2, null, "Both: talks"], ["tableCell", 1, null, "yes"]],
      [["tableCell", 1, null, "Kyiv"], ["tableCell", 1, null, ""], ["tableCell", 1, null, ""]],
    ]);
    expect(JSON.stringify(content)).not.toMatch(/900|300|onclick|"colwidth":\[/);
  });

  it("keeps a figure of a stored image for the server to check, and a remote image as a link it does not fetch", () => {
    const hash = "a".repeat(64);
    const { content, figures } = importHtml(
      `<p>Before</p><figure class="figure"><img src="/media/${hash}/960" width="960" height="540" alt="A map"><figcaption><span class="figure-caption">The Bosphorus</span></figcaption></figure>` +
        `<figure><img src="https://example.org/p.jpg" alt="Delegations"><figcaption>In Istanbul</figcaption></figure>`,
    );
    expect(content.content!.map((node) => node.type)).toEqual(["paragraph", "figure", "paragraph"]);
    expect(content.content![1]!.attrs).toMatchObject({ hash, alt: "A map", caption: "The Bosphorus" });
    expect(content.content![2]!.content).toEqual([{ type: "text", text: "In Istanbul", marks: [{ type: "link", attrs: expect.objectContaining({ href: "https://example.org/p.jpg" }) }] }]);
    expect(figures).toEqual({ embedded: [], stored: [hash], notes: [expect.stringMatching(/not fetched/)] });
  });

  it("refuses HTML that holds no text as 422", () => {
    const failure = (() => {
      try {
        importHtml(`<img src="x.png"><script>alert(1)</script><p>   </p>`);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).status).toBe(422);
  });

  describe("loads nothing while parsing", () => {
    let requests = 0;
    let origin = "";
    const server = http.createServer((_request, response) => {
      requests++;
      response.end("body{}");
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("fetches no script, stylesheet, image or frame", async () => {
      importHtml(
        `<link rel="stylesheet" href="${origin}/css"><script src="${origin}/js"></script><style>@import url(${origin}/import);</style><img src="${origin}/img"><iframe src="${origin}/frame"></iframe><meta http-equiv="refresh" content="0;url=${origin}/refresh"><p>Text</p>`,
      );
      // Anything started would have reached the local server by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests).toBe(0);
    });
  });
});
