import { describe, expect, it } from "vitest";
import { initials, userColor } from "./userColor";

describe("userColor", () => {
  it("is stable per user and a hex colour", () => {
    expect(userColor("abc")).toBe(userColor("abc"));
    expect(userColor("abc")).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("initials", () => {
  it("takes first and last name initials", () => {
    expect(initials("Ayşe Demir")).toBe("AD");
    expect(initials("Maria van der Keller")).toBe("MK");
    expect(initials("Sam")).toBe("SA");
    expect(initials("  ")).toBe("?");
  });
});
