import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../documents/documentState";
import { diffDocuments, markChanges } from "./diffDocuments";
import { renderHistoryHtml } from "./renderHistoryHtml";

const doc = (...paragraphs: string[]): JSONContent => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
});
const node = (json: JSONContent) => documentSchema().nodeFromJSON(json);

function compare(before: JSONContent, after: JSONContent, author = "Ayşe Demir"): string {
  const comparison = diffDocuments(node(before), node(after));
  return renderHistoryHtml(markChanges(comparison, () => author).toJSON());
}

describe("diffDocuments", () => {
  it("finds nothing between equal documents", () => {
    expect(diffDocuments(node(doc("Same text.")), node(doc("Same text."))).changes).toEqual([]);
  });

  it("marks a replaced word, not the whole paragraph", () => {
    expect(compare(doc("Talks were held in Ankara on Friday."), doc("Talks were held in Istanbul on Friday."))).toBe(
      '<p>Talks were held in <del class="diff-delete">Ankara</del><ins class="diff-insert" data-author-name="Ayşe Demir">Istanbul</ins> on Friday.</p>',
    );
  });

  it("marks an added paragraph and a removed one", () => {
    const added = compare(doc("First."), doc("First.", "A new paragraph."));
    expect(added).toContain('<ins class="diff-insert" data-author-name="Ayşe Demir">A new paragraph.</ins>');
    const removed = compare(doc("First.", "Gone soon."), doc("First."));
    expect(removed).toContain('<del class="diff-delete">Gone soon.</del>');
    expect(removed).toContain("First.");
  });

  it("keeps several separate changes apart, in order", () => {
    const html = compare(doc("One two three four five."), doc("One 2 three four 5."));
    expect(html.indexOf("<del class=\"diff-delete\">two</del>")).toBeGreaterThan(-1);
    expect(html.indexOf("<del class=\"diff-delete\">five</del>")).toBeGreaterThan(html.indexOf("two</del>"));
  });
});

describe("diffDocuments on long documents", () => {
  it("finds every small change in a long text, each in its own paragraph", () => {
    const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph ${index} about the talks, with enough words to be long.`);
    const edited = paragraphs.map((text, index) => (index % 10 === 0 ? `Edit: ${text}` : text));
    const { changes } = diffDocuments(node(doc(...paragraphs)), node(doc(...edited)));
    expect(changes).toHaveLength(40);
    expect(changes.every((change) => change.toA === change.fromA && change.toB - change.fromB === "Edit: ".length)).toBe(true);
  });

  it("aligns moved-around blocks: an inserted and a removed paragraph far apart", () => {
    const paragraphs = Array.from({ length: 50 }, (_, index) => `Paragraph ${index}.`);
    const edited = [...paragraphs.slice(0, 5), "Inserted here.", ...paragraphs.slice(5, 40), ...paragraphs.slice(41)];
    const html = compare(doc(...paragraphs), doc(...edited));
    expect(html).toContain("Inserted here.</ins>");
    expect(html).toContain('<del class="diff-delete">Paragraph 40.</del>');
    expect(html.match(/diff-(insert|delete)/g)).toHaveLength(2);
  });
});
