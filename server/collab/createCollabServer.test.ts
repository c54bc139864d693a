import { describe, expect, it } from "vitest";
import { parseDocumentId } from "./createCollabServer";

describe("parseDocumentId", () => {
  const id = "3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c";
  it("reads the id from /collab/<id>, with or without a query", () => {
    expect(parseDocumentId(`/collab/${id}`)).toBe(id);
    expect(parseDocumentId(`/collab/${id}?token=x`)).toBe(id);
  });
  it("rejects other paths and non-uuid ids", () => {
    for (const url of [undefined, "/", "/collab/", "/collab/abc", `/other/${id}`, `/collab/${id}/extra`, "/collab/%E0%A4%A"]) {
      expect(parseDocumentId(url)).toBeNull();
    }
  });
});
