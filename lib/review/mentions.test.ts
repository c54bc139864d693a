import { describe, expect, it } from "vitest";
import { formatMention, mentionedUserIds, parseBody } from "./mentions";

const maria = { id: "3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c", name: "Maria Keller" };

describe("mentions", () => {
  it("formats and finds mentions", () => {
    const body = `Can you check this, ${formatMention(maria)}? Also ${formatMention(maria)}.`;
    expect(mentionedUserIds(body)).toEqual([maria.id]);
    expect(parseBody(body)).toEqual([
      { kind: "text", text: "Can you check this, " },
      { kind: "mention", name: "Maria Keller", userId: maria.id },
      { kind: "text", text: "? Also " },
      { kind: "mention", name: "Maria Keller", userId: maria.id },
      { kind: "text", text: "." },
    ]);
  });
  it("treats markup as text", () => {
    expect(parseBody("<script>alert(1)</script> @[x](user:nope)")).toEqual([{ kind: "text", text: "<script>alert(1)</script> @[x](user:nope)" }]);
    expect(formatMention({ id: maria.id, name: "Evil]](x" })).toBe(`@[Evil(x](user:${maria.id})`);
  });
});
