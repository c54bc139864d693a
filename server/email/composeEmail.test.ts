import { describe, expect, it } from "vitest";
import { composeEmail, itemLink, type EmailItemView } from "./composeEmail";
import { retryDelayMs } from "./emailWorker";

const item = (overrides: Partial<EmailItemView> = {}): EmailItemView => ({
  kind: "mention",
  actorName: "Daniel Okafor",
  documentId: "d1",
  documentTitle: "Istanbul talks",
  threadId: "t1",
  detail: "@Maria <b>check</b>",
  createdAt: new Date("2026-12-05T10:00:00Z"),
  ...overrides,
});

describe("composeEmail", () => {
  it("says what happened in the subject of a single-item email, with a link to the thread", () => {
    const email = composeEmail({ newsroomName: "The Ledger", baseUrl: "https://ledger.example/", recipientName: "Maria", items: [item()] });
    expect(email.subject).toBe("Daniel Okafor mentioned you on “Istanbul talks”");
    expect(email.text).toContain("Open: https://ledger.example/documents/d1#thread-t1");
    expect(email.text).toContain("https://ledger.example/settings");
    // Comment text is escaped in the HTML part.
    expect(email.html).toContain("&#60;b&#62;check&#60;/b&#62;");
    expect(email.html).not.toContain("<b>check");
  });

  it("counts the items of a batch, per document or across the newsroom, oldest first", () => {
    const sameDocument = composeEmail({
      newsroomName: "The Ledger",
      baseUrl: "https://ledger.example",
      recipientName: "Maria",
      items: [item({ detail: "second", createdAt: new Date("2026-12-05T10:01:00Z") }), item({ detail: "first" })],
    });
    expect(sameDocument.subject).toBe("2 updates on “Istanbul talks”");
    expect(sameDocument.text.indexOf("first")).toBeLessThan(sameDocument.text.indexOf("second"));
    const acrossDocuments = composeEmail({
      newsroomName: "The Ledger",
      baseUrl: "https://ledger.example",
      recipientName: "Maria",
      items: [item(), item({ kind: "submitted", documentId: "d2", documentTitle: "Budget", threadId: null })],
    });
    expect(acrossDocuments.subject).toBe("2 updates in The Ledger");
    expect(acrossDocuments.text).toContain("Daniel Okafor submitted “Budget” for review");
  });

  it("links workflow items to the document", () => {
    expect(itemLink("https://ledger.example", { documentId: "d2", threadId: null })).toBe("https://ledger.example/documents/d2");
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s up to the cap", () => {
    expect([1, 2, 3, 10].map((attempts) => retryDelayMs(attempts, 3_600_000))).toEqual([30_000, 60_000, 120_000, 3_600_000]);
    expect(retryDelayMs(1, 1000)).toBe(1000);
  });
});
