import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_MEDIA_BYTES, MAX_MEDIA_PIXELS } from "../../lib/media";
import { processImage } from "./processImage";
import { hasGpsPointer, jpegWithGpsExif, pngDeclaring, pngImage } from "./testImages";

describe("processImage", () => {
  it("strips all metadata: a JPEG with GPS position, camera serial and orientation in, none of it out — but turned upright", async () => {
    const upload = await jpegWithGpsExif(640, 320);
    const before = await sharp(upload).metadata();
    expect(hasGpsPointer(before.exif!)).toBe(true);
    expect(upload.toString("latin1")).toContain("SN-4815162342");

    const image = await processImage(upload);
    // Orientation 6: the stored landscape pixels are shown as a portrait.
    expect([image.width, image.height]).toEqual([320, 640]);
    expect(image.renditions.map((rendition) => [rendition.variant, rendition.contentType, rendition.width, rendition.height])).toEqual([
      ["original", "image/jpeg", 320, 640],
      ["320", "image/webp", 320, 640],
    ]);
    for (const rendition of image.renditions) {
      const after = await sharp(rendition.bytes).metadata();
      expect(after.exif, rendition.variant).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      const text = rendition.bytes.toString("latin1");
      for (const leak of ["Exif", "NewsroomTestCam", "SN-4815162342", "A Source"]) expect(text).not.toContain(leak);
    }
  });

  it("makes WebP widths up to 1600 px plus the original format, and addresses the image by its content", async () => {
    const image = await processImage(await pngImage(2400, 1200));
    expect([image.format, image.width, image.height]).toEqual(["png", 1600, 800]);
    expect(image.renditions.map((rendition) => `${rendition.variant}:${rendition.width}x${rendition.height}`)).toEqual([
      "original:1600x800",
      "480:480x240",
      "960:960x480",
      "1600:1600x800",
    ]);
    expect(image.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await processImage(await pngImage(2400, 1200))).hash).toBe(image.hash);
  });

  it("refuses what is not an image by its bytes, whatever its name (415)", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>');
    await expect(processImage(svg)).rejects.toMatchObject({ status: 415, message: "Only JPEG, PNG, WebP and GIF images can be uploaded" });
  });

  it("refuses files over the size bound (413), and pixel bombs from their header before decoding (422)", async () => {
    const oversized = Buffer.concat([await pngImage(20, 20), Buffer.alloc(MAX_MEDIA_BYTES)]);
    await expect(processImage(oversized)).rejects.toMatchObject({ status: 413 });
    // A file of a few hundred bytes declaring 10,000 × 10,000 pixels (400 MB once decoded).
    const bomb = await pngDeclaring(10_000, 10_000);
    expect(bomb.length).toBeLessThan(1024);
    expect(10_000 * 10_000).toBeGreaterThan(MAX_MEDIA_PIXELS);
    await expect(processImage(bomb)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/10,000 × 10,000 pixels: at most 40 megapixels/) });
  });

  it("refuses a damaged file with 422 and a reason", async () => {
    const truncated = (await jpegWithGpsExif(400, 400)).subarray(0, 400);
    await expect(processImage(truncated)).rejects.toMatchObject({ status: 422 });
  });
});
