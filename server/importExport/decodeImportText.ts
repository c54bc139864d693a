// Turns an uploaded file's bytes into text the parsers can trust: strict
// UTF-8, no binary, one newline convention.
import { AppError } from "../errors";

// Fatal: a file in another encoding (or a binary file) is refused rather than
// silently filled with U+FFFD replacement characters. A leading BOM is dropped.
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeImportText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError("unprocessable", "The file is not valid UTF-8 text; save it as UTF-8 and try again");
  }
  return normalizeImportText(text);
}

/**
 * Checks and normalizes text from either import form: NUL means a binary file;
 * other control characters (form feeds, escape codes) are dropped because no
 * format gives them a meaning in a document; CRLF and CR become LF.
 */
export function normalizeImportText(text: string): string {
  // With the u flag, only unpaired surrogates match: text that no UTF-8 file can hold.
  if (/[\uD800-\uDFFF]/u.test(text)) throw new AppError("unprocessable", "The content is not valid Unicode text");
  if (text.includes("\u0000")) throw new AppError("unprocessable", "The file looks binary, not text; import Markdown, HTML or plain text");
  const normalized = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
  if (normalized.trim() === "") throw new AppError("unprocessable", "There is nothing to import: the content is empty");
  return normalized;
}
