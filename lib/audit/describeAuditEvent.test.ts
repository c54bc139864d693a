import { describe, expect, it } from "vitest";
import { WORKFLOW_ACTIONS } from "../workflow/transitions";
import type { AuditEventView } from "./auditTypes";
import { describeAuditEvent, KNOWN_AUDIT_ACTIONS } from "./describeAuditEvent";

const maria = { id: "u-maria", name: "Maria Keller", color: "#000" };
const ayse = { id: "u-ayse", name: "Ayşe Demir", color: "#000" };
const daniel = { id: "u-daniel", name: "Daniel Okafor", color: "#000" };
const createdAt = "2026-11-25T12:00:00.000Z";

const event = (action: string, details: Record<string, unknown> = {}, extra: Partial<AuditEventView> = {}) => ({
  action,
  actor: maria,
  details,
  subject: null,
  createdAt,
  ...extra,
});
const sentence = (...args: Parameters<typeof event>) => describeAuditEvent(event(...args)).sentence;

describe("describeAuditEvent", () => {
  it("describes each workflow transition", () => {
    expect(sentence("submit", { from: "draft", to: "in_review" }, { actor: ayse })).toBe("Ayşe Demir submitted for review");
    expect(sentence("approve", { from: "in_review", to: "approved", contentHash: "abc" })).toBe("Maria Keller approved");
    expect(sentence("approve", { from: "published", to: "approved" })).toBe("Maria Keller approved changes to the published piece");
    expect(sentence("approve", { from: "approved", to: "approved" })).toBe("Maria Keller approved the changed text again");
    expect(sentence("request_changes", { from: "in_review", to: "draft", note: "Source the prisoner figures" })).toBe(
      "Maria Keller requested changes — note: “Source the prisoner figures”",
    );
    expect(sentence("unpublish", { from: "published", to: "draft" })).toBe("Maria Keller unpublished the piece");
    expect(sentence("spike", { from: "draft", to: "spiked" })).toBe("Maria Keller spiked the piece");
    expect(sentence("restore", { from: "spiked", to: "draft" })).toBe("Maria Keller restored the piece to draft");
  });

  it("describes publications: the version, the correction note, and scheduling in UTC", () => {
    expect(sentence("publish", { from: "approved", to: "published", version: 1, publishAt: createdAt })).toBe("Maria Keller published version 1");
    const correction = describeAuditEvent(event("publish", { version: 2, publishAt: createdAt, note: "Corrected the prisoner exchange figure." }));
    expect(correction).toEqual({
      text: "published version 2",
      note: "Corrected the prisoner exchange figure.",
      quote: null,
      sentence: "Maria Keller published version 2 — note: “Corrected the prisoner exchange figure.”",
    });
    expect(sentence("publish", { version: 3, publishAt: "2026-12-01T06:30:00.000Z" })).toBe("Maria Keller scheduled version 3 to go live 1 Dec 2026, 06:30 UTC");
    expect(sentence("publish", {})).toBe("Maria Keller published the piece");
  });

  it("describes thread resolutions with a short quote of the text they are about", () => {
    const resolved = describeAuditEvent(event("thread_resolved", { threadId: "t1", quote: "the largest of the war" }));
    expect(resolved.text).toBe("resolved a thread");
    expect(resolved.sentence).toBe("Maria Keller resolved a thread: “the largest of the war”");
    expect(sentence("thread_open", { threadId: "t1", quote: "the largest of the war" }, { actor: ayse })).toBe("Ayşe Demir reopened a thread: “the largest of the war”");
    const long = describeAuditEvent(event("thread_resolved", { quote: "x".repeat(120) }));
    expect(long.quote).toHaveLength(80);
    expect(long.quote!.endsWith("…")).toBe(true);
  });

  it("names the person a membership change is about", () => {
    expect(sentence("member_role_set", { userId: daniel.id, role: "suggester" }, { subject: daniel })).toBe("Maria Keller set Daniel Okafor's role to suggester");
    expect(sentence("member_removed", { userId: daniel.id }, { subject: daniel })).toBe("Maria Keller removed Daniel Okafor from the document");
    expect(sentence("member_removed", { userId: "gone" })).toBe("Maria Keller removed a former member from the document");
  });

  it("falls back to the action's name and its simple details for actions it does not know", () => {
    expect(sentence("version_named", { versionId: "v-1", name: "Final draft", version: 4 })).toBe("Maria Keller recorded “version named” (name: Final draft, version: 4)");
    expect(sentence("restore", { version: 3 })).toBe("Maria Keller recorded “restore” (version: 3)");
    expect(sentence("documentArchived")).toBe("Maria Keller recorded “document archived”");
    expect(sentence("member_role_set", {})).toBe("Maria Keller recorded “member role set”");
  });

  it("describes restored versions and imports", () => {
    expect(sentence("version_restored", { version: 3, newVersion: 7 })).toBe("Maria Keller restored version 3 (now version 7)");
    expect(sentence("import", { format: "markdown", fileName: "brief.md" })).toBe("Maria Keller imported the document (Markdown, “brief.md”)");
    expect(sentence("import", { format: "text" })).toBe("Maria Keller imported the document (plain text)");
  });

  it("has a label and a specific description for every action the server records", () => {
    for (const action of WORKFLOW_ACTIONS) expect(KNOWN_AUDIT_ACTIONS).toHaveProperty(action);
    const specimens: Record<keyof typeof KNOWN_AUDIT_ACTIONS, Record<string, unknown>> = {
      submit: {},
      request_changes: {},
      approve: {},
      publish: { version: 1 },
      unpublish: {},
      spike: {},
      restore: { from: "spiked", to: "draft" },
      thread_resolved: { quote: "q" },
      thread_open: { quote: "q" },
      member_role_set: { userId: daniel.id, role: "viewer" },
      member_removed: { userId: daniel.id },
      version_restored: { version: 3, newVersion: 7 },
      import: { format: "markdown" },
    };
    for (const [action, details] of Object.entries(specimens)) {
      expect(describeAuditEvent(event(action, details, { subject: daniel })).text, action).not.toMatch(/^recorded/);
    }
  });
});
