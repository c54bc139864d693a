import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders } from "./securityHeaders";

function headersFor(url: string, options = { https: false, dev: false }) {
  const request = { url, headers: {} as Record<string, string> } as unknown as IncomingMessage;
  const set = new Map<string, string>();
  const response = { setHeader: (name: string, value: string) => set.set(name.toLowerCase(), value) } as unknown as ServerResponse;
  applySecurityHeaders(request, response, options);
  return { response: set, request: request.headers };
}

describe("security headers", () => {
  it("gives app pages a nonce-based script policy that Next.js also reads from the request, and no framing", () => {
    const first = headersFor("/documents/abc?x=1");
    const policy = first.response.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(first.request["content-security-policy"]).toBe(policy);
    // A fresh nonce per response.
    expect(headersFor("/").response.get("content-security-policy")).not.toContain(nonce);
  });

  it("forbids every script on published articles and keeps /api/* out of caches", () => {
    expect(headersFor("/p/istanbul-talks").response.get("content-security-policy")).toContain("script-src 'none'");
    for (const path of ["/p", "/feed.xml", "/feed.json"]) expect(headersFor(path).response.get("content-security-policy")).toContain("script-src 'none'");
    expect(headersFor("/people").response.get("content-security-policy")).not.toContain("script-src 'none'");
    const api = headersFor("/api/documents");
    expect(api.response.get("cache-control")).toBe("no-store");
    expect(api.request["content-security-policy"]).toBeUndefined();
  });

  it("sends Permissions-Policy everywhere, and HSTS only over https", () => {
    expect(headersFor("/").response.get("permissions-policy")).toContain("camera=()");
    expect(headersFor("/").response.has("strict-transport-security")).toBe(false);
    expect(headersFor("/", { https: true, dev: false }).response.get("strict-transport-security")).toContain("max-age=");
  });
});
