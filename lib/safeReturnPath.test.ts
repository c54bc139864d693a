import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safeReturnPath";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/documents/abc?tab=review#t1")).toBe("/documents/abc?tab=review#t1");
    expect(safeReturnPath("/")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("refuses everything a browser would resolve to another origin", () => {
    for (const value of [
      "/\\evil.example/x",
      "\\\\evil.example",
      "//evil.example/x",
      "/\t/evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
    ]) {
      expect(safeReturnPath(value), value).toBe("/");
    }
  });

  it("normalises dotted paths onto this site and ignores relative ones", () => {
    expect(safeReturnPath("documents/abc")).toBe("/");
    expect(safeReturnPath("/../../etc")).toBe("/etc");
  });
});
