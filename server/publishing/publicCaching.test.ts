import { describe, expect, it } from "vitest";
import { etagOf, matchesIfNoneMatch, revalidatedResponse } from "./publicCaching";

const request = (ifNoneMatch?: string) => new Request("http://x/p/a", ifNoneMatch ? { headers: { "if-none-match": ifNoneMatch } } : {});

describe("public caching", () => {
  it("gives the same bytes the same strong ETag, and other bytes another", () => {
    expect(etagOf("<p>a</p>")).toBe(etagOf("<p>a</p>"));
    expect(etagOf("<p>a</p>")).not.toBe(etagOf("<p>b</p>"));
    expect(etagOf("x")).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it("matches If-None-Match by weak comparison, in lists, and *", () => {
    const tag = etagOf("page");
    expect(matchesIfNoneMatch(request(tag), tag)).toBe(true);
    expect(matchesIfNoneMatch(request(`W/${tag}`), tag)).toBe(true);
    expect(matchesIfNoneMatch(request(`"other", ${tag}`), tag)).toBe(true);
    expect(matchesIfNoneMatch(request("*"), tag)).toBe(true);
    expect(matchesIfNoneMatch(request('"other"'), tag)).toBe(false);
    expect(matchesIfNoneMatch(request(), tag)).toBe(false);
  });

  it("answers 200 with no-cache and an ETag, then 304 without a body for a current copy", async () => {
    const first = revalidatedResponse(request(), "page", { "content-type": "text/html" });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const etag = first.headers.get("etag")!;
    const again = revalidatedResponse(request(etag), "page", { "content-type": "text/html" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(revalidatedResponse(request(etag), "changed page", {}).status).toBe(200);
  });
});
