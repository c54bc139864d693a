import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeImportText, normalizeImportText } from "./decodeImportText";

const statusOf = (run: () => unknown) => {
  try {
    run();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.message}` : String(error);
  }
};

describe("decoding an imported file", () => {
  it("reads UTF-8, drops a BOM and control characters, and unifies newlines", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Türkiye\r\nline\rend\u0007")]);
    expect(decodeImportText(bytes)).toBe("Türkiye\nline\nend");
  });

  it("refuses invalid UTF-8, binary and empty content with 422", () => {
    expect(statusOf(() => decodeImportText(new Uint8Array([0x48, 0xff, 0xfe, 0x00])))).toMatch(/^422 .*UTF-8/);
    // UTF-16 text is valid UTF-8 byte by byte, but full of NULs.
    expect(statusOf(() => decodeImportText(new Uint8Array([0x48, 0x00, 0x69, 0x00])))).toMatch(/^422 .*binary/);
    expect(statusOf(() => decodeImportText(new TextEncoder().encode(" \n\t\n")))).toMatch(/^422 .*empty/);
    expect(statusOf(() => normalizeImportText("lone \ud800 surrogate"))).toMatch(/^422 .*Unicode/);
    expect(statusOf(() => normalizeImportText("emoji 🗞 is fine"))).toBe("ok");
  });
});
