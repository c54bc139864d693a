import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slugify, SLUG_PATTERN } from "./slug";

describe("slugify", () => {
  it("turns headlines into readable ASCII slugs", () => {
    expect(slugify("Istanbul talks: what the first direct Russia–Ukraine meeting since 2022 achieved")).toBe(
      "istanbul-talks-what-the-first-direct-russia-ukraine-meeting-since-2022-achieved",
    );
    expect(slugify("Türkiye at Dolmabahçe: Erdoğan's bet")).toBe("turkiye-at-dolmabahce-erdogans-bet");
    expect(slugify("Işık ve Şölen")).toBe("isik-ve-solen");
    expect(slugify("  --Straße, Ærø!  ")).toBe("strasse-aero");
  });
  it("always yields a valid slug, cut at a word boundary", () => {
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long).toMatch(SLUG_PATTERN);
    expect(long.endsWith("word")).toBe(true);
    expect(slugify("!!!")).toBe("");
  });
});
