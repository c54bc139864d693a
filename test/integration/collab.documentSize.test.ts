// SYNC.md rule L5: a document's state may not grow past its cap; an update
// that would take it further is refused (the sender is told), never applied,
// forwarded or stored, and the document keeps working below the cap.
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import { DOCUMENT_EVENT_MESSAGE, type DocumentEvent } from "../../lib/review/reviewTypes";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const MAX_DOCUMENT_BYTES = 64 * 1024;

describe("document size cap (L5)", () => {
  const harness = useTestServer({ maxDocumentBytes: MAX_DOCUMENT_BYTES });

  it("refuses an update that would take the document over its cap; others never see it", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const writer = harness.connect(document.id, cookie);
    const reader = harness.connect(document.id, cookie);
    const events: DocumentEvent[] = [];
    writer.provider.messageHandlers[DOCUMENT_EVENT_MESSAGE] = (_encoder, decoder) => {
      events.push(JSON.parse(decoding.readVarString(decoder)) as DocumentEvent);
    };
    await Promise.all([writer.waitSynced(), reader.waitSynced()]);

    writer.appendParagraph("A short first paragraph.");
    await waitFor(() => reader.text() === "A short first paragraph.");

    writer.appendParagraph("x".repeat(MAX_DOCUMENT_BYTES));
    await waitFor(() => events.some((event) => event.type === "update-refused"), { message: "the refusal" });
    expect(events.find((event) => event.type === "update-refused")).toMatchObject({ reason: expect.stringMatching(/maximum size/) });

    const late = harness.connect(document.id, cookie);
    await late.waitSynced();
    expect(late.text()).toBe("A short first paragraph.");
    expect(reader.text()).toBe("A short first paragraph.");
  });
});
