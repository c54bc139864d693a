// An uploaded image → the files we store and serve. Checked by its bytes
// (format) and its header (pixel count) before anything is decoded; then
// decoded once, turned upright (EXIF orientation applied), scaled to at most
// MAX_MEDIA_WIDTH, and encoded as the original format plus a few WebP widths.
// Nothing of the upload's metadata survives: sharp writes none unless asked
// (no withMetadata/keepExif here), so EXIF — GPS position, camera serial,
// owner — XMP, IPTC and ICC profiles (converted to sRGB) are all gone.
import { createHash } from "node:crypto";
import sharp, { type OutputInfo, type Sharp } from "sharp";
import { MAX_MEDIA_BYTES, MAX_MEDIA_PIXELS, MAX_MEDIA_SIZE_LABEL, MAX_MEDIA_WIDTH, MEDIA_CONTENT_TYPES, MIN_MEDIA_SIDE, ORIGINAL_VARIANT, renditionWidths, type MediaFormat } from "../../lib/media";
import { AppError } from "../errors";
import { sniffImageFormat } from "./sniffImageFormat";

export type Rendition = { variant: string; contentType: string; width: number; height: number; bytes: Buffer };
export type ProcessedImage = { hash: string; format: MediaFormat; width: number; height: number; renditions: Rendition[] };

/** Images decoded at the same time: a 40-megapixel decode holds ~120 MB, and sharp's own pool already uses every core. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length > MAX_MEDIA_BYTES) throw new AppError("payload_too_large", `The image is larger than ${MAX_MEDIA_SIZE_LABEL}`);
  const format = sniffImageFormat(bytes);
  if (!format) throw new AppError("unsupported_media_type", "Only JPEG, PNG, WebP and GIF images can be uploaded");
  const { width, height } = await readDimensions(bytes);
  if (width * height > MAX_MEDIA_PIXELS) {
    throw new AppError("unprocessable", `The image is ${width.toLocaleString("en")} × ${height.toLocaleString("en")} pixels: at most ${MAX_MEDIA_PIXELS / 1_000_000} megapixels`);
  }
  if (Math.min(width, height) < MIN_MEDIA_SIDE) throw new AppError("unprocessable", `The image is too small: at least ${MIN_MEDIA_SIDE} pixels on each side`);
  return inSlot(() => encode(bytes, format));
}

async function readDimensions(bytes: Buffer): Promise<{ width: number; height: number }> {
  try {
    // Reads the header only; the pixel bound is enforced again when decoding.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    // An animated GIF or WebP declares every frame: each is decoded on its own, the first one kept.
    const frameHeight = metadata.pageHeight ?? metadata.height;
    if (!metadata.width || !frameHeight) throw new Error("no dimensions");
    return { width: metadata.width, height: frameHeight };
  } catch {
    throw new AppError("unprocessable", "The file is not a readable image");
  }
}

async function encode(bytes: Buffer, format: MediaFormat): Promise<ProcessedImage> {
  let upright: { data: Buffer; info: OutputInfo };
  try {
    upright = await sharp(bytes, { limitInputPixels: MAX_MEDIA_PIXELS, failOn: "error", animated: false })
      .rotate()
      .resize({ width: MAX_MEDIA_WIDTH, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError("unprocessable", "The image could not be decoded (damaged or truncated file)");
  }
  const { width, height, channels } = upright.info;
  const pixels = () => sharp(upright.data, { raw: { width, height, channels } });

  const original = await encodeAs(pixels(), format).toBuffer({ resolveWithObject: true });
  const renditions: Rendition[] = [
    { variant: ORIGINAL_VARIANT, contentType: MEDIA_CONTENT_TYPES[format], width: original.info.width, height: original.info.height, bytes: original.data },
  ];
  for (const target of renditionWidths(width)) {
    const webp = await pixels().resize({ width: target }).webp({ quality: 80, effort: 4 }).toBuffer({ resolveWithObject: true });
    renditions.push({ variant: String(target), contentType: MEDIA_CONTENT_TYPES.webp, width: webp.info.width, height: webp.info.height, bytes: webp.data });
  }
  // Content-addressed by what we serve, not by the upload: the address says nothing about the original file.
  const hash = createHash("sha256").update(original.data).digest("hex");
  return { hash, format, width, height, renditions };
}

function encodeAs(image: Sharp, format: MediaFormat): Sharp {
  switch (format) {
    case "jpeg":
      return image.jpeg({ quality: 85, mozjpeg: true });
    case "png":
      return image.png({ compressionLevel: 9 });
    case "webp":
      return image.webp({ quality: 85 });
    case "gif":
      return image.gif();
  }
}
