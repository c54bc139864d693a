import { describe, expect, it } from "vitest";
import { sniffImageFormat } from "./sniffImageFormat";
import { jpegWithGpsExif, pngImage } from "./testImages";
import sharp from "sharp";

describe("sniffImageFormat", () => {
  it("recognises JPEG, PNG, WebP and GIF by their bytes", async () => {
    const base = sharp({ create: { width: 20, height: 20, channels: 3, background: "#123456" } });
    expect(sniffImageFormat(await jpegWithGpsExif(32, 32))).toBe("jpeg");
    expect(sniffImageFormat(await pngImage(20, 20))).toBe("png");
    expect(sniffImageFormat(await base.clone().webp().toBuffer())).toBe("webp");
    expect(sniffImageFormat(await base.clone().gif().toBuffer())).toBe("gif");
  });

  it("refuses anything else, whatever it claims to be", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from("<!doctype html><img src=x onerror=alert(1)>");
    const riffWave = Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1");
    for (const bytes of [svg, html, riffWave, Buffer.from("%PDF-1.7"), Buffer.alloc(0), Buffer.from([0xff, 0xd8])]) {
      expect(sniffImageFormat(bytes)).toBeNull();
    }
  });
});
