// Import and export formats, shared by the dashboard (file picker, size check)
// and the server (format detection, validation).
export const IMPORT_FORMATS = ["markdown", "html", "text"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ["markdown", "html", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  txt: "text",
};

const FORMAT_BY_CONTENT_TYPE: Record<string, ImportFormat> = {
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "text/plain": "text",
};

/** The file picker's `accept` list. */
export const IMPORT_FILE_ACCEPT = Object.keys(FORMAT_BY_EXTENSION)
  .map((extension) => `.${extension}`)
  .join(",");

/**
 * The format of an uploaded file: from its extension, else from its content
 * type (browsers send an empty or generic type for many text files, so the
 * name is the better signal). Null when neither is one we read.
 */
export function importFormatOfFile(fileName: string, contentType: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const byExtension = extension ? FORMAT_BY_EXTENSION[extension] : undefined;
  if (byExtension) return byExtension;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return FORMAT_BY_CONTENT_TYPE[mediaType] ?? null;
}

/** "Istanbul talks.md" → "Istanbul talks" (a title of last resort). */
export function fileNameStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return base.replace(/\.[^.]*$/, "").replace(/\s+/g, " ").trim();
}
