// Reads a request body into memory with a hard size bound.
import { AppError } from "../errors";

/**
 * The body's bytes, refusing with 413 once more than `maxBytes` arrive.
 * Content-Length can be absent (chunked) or lie, so it only short-cuts an
 * honest oversized request; the bytes are counted as they stream in and
 * reading stops at the bound, so an oversized body is never held whole.
 */
export async function readBodyBytes(request: Request, maxBytes: number, tooLargeMessage = `Body exceeds ${maxBytes} bytes`): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", tooLargeMessage);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", tooLargeMessage);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
