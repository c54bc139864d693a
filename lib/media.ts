// Images in documents: the bounds, the renditions and their addresses, shared
// by the editor (upload checks, the figure's <img>), the server (processing,
// serving) and the published page (srcset).

/** Largest upload: 20 MiB, more than a 24-megapixel camera JPEG. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
export const MAX_MEDIA_SIZE_LABEL = "20 MiB";
/**
 * Most pixels an upload may declare: 40 megapixels. A small file can declare
 * a huge canvas (a "decompression bomb"); the bound is checked from the
 * header, before anything is decoded.
 */
export const MAX_MEDIA_PIXELS = 40_000_000;
/** Smallest side worth publishing. */
export const MIN_MEDIA_SIDE = 16;

/** The formats accepted, recognised by their bytes (the declared content type is not trusted). */
export const MEDIA_FORMATS = ["jpeg", "png", "webp", "gif"] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];
export const MEDIA_CONTENT_TYPES: Record<MediaFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" };

/** WebP widths made of every image (those narrower than the image are made at its own width instead). */
export const MEDIA_WIDTHS = [480, 960, 1600] as const;
/** The "original" rendition: the upload's own format, at most this wide. */
export const MAX_MEDIA_WIDTH = 1600;
export const ORIGINAL_VARIANT = "original";

/** A SHA-256 in hex: the only form of media hash. */
export const MEDIA_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** The WebP widths stored for an image whose largest rendition is `width` wide. */
export function renditionWidths(width: number): number[] {
  const widths: number[] = MEDIA_WIDTHS.filter((candidate) => candidate < width);
  widths.push(Math.min(width, MAX_MEDIA_WIDTH));
  return widths;
}

export function mediaUrl(hash: string, variant: number | typeof ORIGINAL_VARIANT): string {
  return `/media/${hash}/${variant}`;
}

/** `srcset` for an image: every WebP width it has. */
export function mediaSrcSet(hash: string, width: number): string {
  return renditionWidths(width)
    .map((candidate) => `${mediaUrl(hash, candidate)} ${candidate}w`)
    .join(", ");
}

/** The rendition to use as `src`: the widest one up to 960 px, enough for the article column at 1.5×. */
export function defaultRenditionWidth(width: number): number {
  const widths = renditionWidths(width);
  return widths.filter((candidate) => candidate <= 960).pop() ?? widths[0]!;
}

/** What the upload endpoint answers: everything a figure needs to show the image. */
export type UploadedMedia = { hash: string; width: number; height: number; format: MediaFormat };
