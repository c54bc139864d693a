// Images made on the fly for tests: no binary fixtures in the repository.
import { crc32 } from "node:zlib";
import sharp from "sharp";

/** The GPS IFD pointer tag (0x8825) as it appears in a big- or little-endian EXIF block. */
export function hasGpsPointer(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

/**
 * A camera-like JPEG: landscape pixels (width × height) stored with EXIF
 * orientation 6 (shown rotated 90°, i.e. portrait), a GPS position, camera
 * make, model and serial number.
 */
export function jpegWithGpsExif(width = 640, height = 320): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a6ea5" } })
    .composite([{ input: { create: { width: Math.round(width / 4), height, channels: 3, background: "#e0b040" } }, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: "NewsroomTestCam", Model: "Field-1", Artist: "A Source" },
      IFD2: { BodySerialNumber: "SN-4815162342" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "41/1 2/1 31/1", GPSLongitudeRef: "E", GPSLongitude: "29/1 0/1 2/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export function pngImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: "#a3262a" } }).png().toBuffer();
}

/**
 * A "decompression bomb": a tiny PNG whose header declares width × height.
 * Its pixel data is that of a 16 × 16 image, so it is cheap to make and to
 * send; only decoding it would be expensive.
 */
export async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await pngImage(16, 16));
  // IHDR is the first chunk: length (4) at 8, type at 12, width at 16, height at 20, CRC after 13 data bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
