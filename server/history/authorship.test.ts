import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentJSONFromYDoc, documentSchema } from "../documents/documentState";
import { authorsOf, textRuns } from "./authorship";

/** Two clients typing into one document, synced, like two editors in a room. */
function twoWriters() {
  const first = new Y.Doc();
  const second = new Y.Doc();
  first.on("update", (update: Uint8Array) => Y.applyUpdate(second, update));
  second.on("update", (update: Uint8Array) => Y.applyUpdate(first, update));
  const fragment = first.getXmlFragment("default");
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", 2 as unknown as string);
  heading.insert(0, [new Y.XmlText("Title")]);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Hello")]);
  fragment.push([heading, paragraph]);
  // The second writer appends to the paragraph and adds a hard break and more text.
  const secondParagraph = second.getXmlFragment("default").get(1) as Y.XmlElement;
  (secondParagraph.get(0) as Y.XmlText).insert(5, " world");
  return { first, second };
}

describe("textRuns", () => {
  it("gives ProseMirror positions that match the document's text", () => {
    const { first } = twoWriters();
    const node = documentSchema().nodeFromJSON(documentJSONFromYDoc(first));
    const runs = textRuns(first);
    expect(runs.map((run) => node.textBetween(run.from, run.to))).toEqual(["Title", "Hello", " world"]);
    expect(runs.map((run) => run.block)).toEqual([0, 1, 1]);
  });

  it("counts each stretch for its client's author, within a range when given", () => {
    const { first, second } = twoWriters();
    const runs = textRuns(first);
    const authorOf = (client: number) => (client === second.clientID ? "second-writer" : "document-creator");
    expect(authorsOf(runs.filter((run) => run.block === 1), authorOf)).toEqual([
      { authorId: "second-writer", characters: 6 },
      { authorId: "document-creator", characters: 5 },
    ]);
    expect(authorsOf(runs, authorOf, { from: 0, to: 3 })).toEqual([{ authorId: "document-creator", characters: 2 }]);
  });

  it("skips deleted text", () => {
    const { first } = twoWriters();
    const paragraph = first.getXmlFragment("default").get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(0, 6);
    const node = documentSchema().nodeFromJSON(documentJSONFromYDoc(first));
    expect(textRuns(first).map((run) => node.textBetween(run.from, run.to))).toEqual(["Title", "world"]);
  });
});
