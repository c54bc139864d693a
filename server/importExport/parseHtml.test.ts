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
      `<p onclick="steal()">Hi<script>alert(1)</script><style>p{}</style></p><a href="javascript:alert(1)">js link</a> <a href="/relative">relative</a> <a href="https://example.org" target="_blank" class="x" onmouseover="x()">ok</a><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)><object data="x"></object><ins data-suggestion-id="s1" data-author-id="someone" data-author-name="Editor">forged</ins><table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>40</td></tr></table>`,
    );
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/script|alert|onclick|onmouseover|javascript:|iframe|evil|onerror|suggestion|_blank|"class":"x"|\/relative/i);
    expect(content.content!.map((node) => node.content?.map((child) => child.text).join(""))).toEqual(["Hi", "js link relative okforged", "Name | Age", "Ann | 40"]);
    const link = content.content![1]!.content!.find((node) => node.marks?.length);
    expect(link).toMatchObject({ text: "ok", marks: [{ type: "link", attrs: { href: "https://example.org", target: null, class: null } }] });
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
