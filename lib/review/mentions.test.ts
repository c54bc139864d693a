import { describe, expect, it } from "vitest";
import { displaySegments, displayToMarkup, excerptOf, formatMention, markupToDisplay, mentionedUserIds, parseBody } from "./mentions";

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

describe("mentions in the comment box: names, not markup", () => {
  const daniel = { userId: "9a0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c", name: "Daniel Okafor" };
  it("shows a stored body as names and writes the markup back unchanged", () => {
    const body = `Ask ${formatMention({ id: daniel.userId, name: daniel.name })} and ${formatMention(maria)}.`;
    const { text, mentions } = markupToDisplay(body);
    expect(text).toBe("Ask @Daniel Okafor and @Maria Keller.");
    expect(mentions.map((mention) => mention.name)).toEqual(["Daniel Okafor", "Maria Keller"]);
    expect(displayToMarkup(text, mentions)).toBe(body);
  });
  it("finds chosen names in the text, and drops a mention whose name was edited", () => {
    expect(displaySegments("Hi @Daniel Okafor!", [daniel])).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", ...daniel },
      { kind: "text", text: "!" },
    ]);
    expect(displayToMarkup("Hi @Daniel Okafo", [daniel])).toBe("Hi @Daniel Okafo");
    expect(displayToMarkup("Hi @Daniel Okaforx", [daniel])).toBe("Hi @Daniel Okaforx");
    expect(displayToMarkup("email@Daniel Okafor", [daniel])).toBe(`email${formatMention({ id: daniel.userId, name: daniel.name })}`);
  });
  it("never cuts a mention's markup in an excerpt", () => {
    const body = `Please ${formatMention(maria)} check`;
    expect(excerptOf(body, 12)).toBe("Please ");
    expect(excerptOf(body, 200)).toBe(body);
    expect(excerptOf("abcdef", 3)).toBe("abc");
  });
});
