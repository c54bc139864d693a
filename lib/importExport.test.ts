import { describe, expect, it } from "vitest";
import { IMPORT_FILE_ACCEPT, fileNameStem, importFormatOfFile } from "./importExport";

describe("import file formats", () => {
  it("come from the extension, else the content type", () => {
    expect(importFormatOfFile("Notes.MD", "")).toBe("markdown");
    expect(importFormatOfFile("a.markdown", "application/octet-stream")).toBe("markdown");
    expect(importFormatOfFile("page.htm", "")).toBe("html");
    expect(importFormatOfFile("page.html", "text/plain")).toBe("html");
    expect(importFormatOfFile("notes.txt", "")).toBe("text");
    expect(importFormatOfFile("README", "text/markdown; charset=utf-8")).toBe("markdown");
    expect(importFormatOfFile("upload", "text/html")).toBe("html");
    expect(importFormatOfFile("report.pdf", "application/pdf")).toBeNull();
    expect(importFormatOfFile("image.png", "")).toBeNull();
  });

  it("are what the file picker offers", () => {
    expect(IMPORT_FILE_ACCEPT).toBe(".md,.markdown,.html,.htm,.txt");
  });

  it("name a document after its file when nothing better is found", () => {
    expect(fileNameStem("C:\\Users\\ayse\\Istanbul  talks.v2.md")).toBe("Istanbul talks.v2");
    expect(fileNameStem(".md")).toBe("");
  });
});
