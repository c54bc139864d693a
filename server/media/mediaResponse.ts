// The media routes' responses, given the reader (the routes resolve the
// session). GET /media/<hash>/<variant>: an image file. A file never changes
// under its address (the hash is of its content), so it is cached for a year
// as immutable — publicly once a live publication shows it, privately (the
// reader's browser only) while it is a draft's.
import { NextResponse } from "next/server";
import { z } from "zod";
import { documentIdParam } from "../../lib/apiSchemas";
import { MAX_MEDIA_BYTES, MAX_MEDIA_SIZE_LABEL, MEDIA_HASH_PATTERN, ORIGINAL_VARIANT } from "../../lib/media";
import { readBodyBytes } from "../api/readBodyBytes";
import { errorResponse, parseParam } from "../api/routeHandler";
import type { Actor } from "../policies";
import { readMedia, uploadMedia } from "./media";

const hashParam = z.string().regex(MEDIA_HASH_PATTERN);
// "original", or a width (an image narrower than a standard width has one of its own).
const variantParam = z.union([z.literal(ORIGINAL_VARIANT), z.string().regex(/^[1-9]\d{0,3}$/)]);

export async function mediaResponse(reader: Actor | null, hashValue: string, variantValue: string): Promise<Response> {
  try {
    const hash = parseParam(hashParam, hashValue, "Image not found");
    const variant = parseParam(variantParam, variantValue, "Image not found");
    const file = await readMedia(reader, hash, variant);
    return new Response(file.bytes, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.bytes.byteLength),
        "cache-control": `${file.isPublic ? "public" : "private"}, max-age=31536000, immutable`,
        "x-content-type-options": "nosniff",
        // Served as an image only, never as a page of ours.
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST /api/documents/:id/media: the body is the image file itself (any content type: the bytes decide). */
export async function uploadMediaResponse(user: Actor, documentIdValue: string, request: Request): Promise<Response> {
  const documentId = parseParam(documentIdParam, documentIdValue, "Document not found");
  const bytes = await readBodyBytes(request, MAX_MEDIA_BYTES, `The image is larger than ${MAX_MEDIA_SIZE_LABEL}`);
  return NextResponse.json(await uploadMedia(user, documentId, bytes), { status: 201 });
}
