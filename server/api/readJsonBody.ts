// Reads a JSON request body with a hard size bound, then validates it.
import type { z } from "zod";
import { MAX_JSON_BODY_BYTES } from "../../lib/limits";
import { AppError } from "../errors";
import { readBodyBytes } from "./readBodyBytes";

export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, maxBytes = MAX_JSON_BODY_BYTES): Promise<T> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", "Send a JSON body with Content-Type: application/json");
  }
  const text = new TextDecoder().decode(await readBodyBytes(request, maxBytes));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Body is not valid JSON");
  }
  return schema.parse(value);
}

