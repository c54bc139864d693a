import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./crossSiteRequests";

const request = (method: string, headers: Record<string, string>) => ({ method, headers: { host: "newsroom.test", ...headers } }) as unknown as IncomingMessage;

describe("cross-site writes", () => {
  it("refuses writes from another site's page, by Origin or Sec-Fetch-Site", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "http://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("DELETE", { origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteWrite(request("PUT", { "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("lets this site's pages, tools without a browser and every read through", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "http://newsroom.test" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", {}))).toBe(false);
    expect(isCrossSiteWrite(request("GET", { origin: "http://evil.example" }))).toBe(false);
  });
});
