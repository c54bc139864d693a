// The seeded analysis opens with review under way: one open comment thread on
// a phrase, with one reply, so a new user sees comments, replies and the publish
// gate at once. Anchored as the editor anchors a selection: Yjs relative
// positions in the text that holds the phrase.
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { getPrisma } from "../db/prisma";

export const SEEDED_THREAD = {
  phrase: "The meeting lasted under two hours.",
  question: "Which readout gives the length of the meeting? Worth citing it here.",
  reply: "Agreed: the Turkish foreign ministry's readout would do. Add it before you submit.",
};

/** Relative positions around the first occurrence of `phrase` in the document's text. */
export function anchorPhrase(doc: Y.Doc, phrase: string): { start: Uint8Array; end: Uint8Array } {
  const texts: Y.XmlText[] = [];
  const collect = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) collect(child);
    }
  };
  collect(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  for (const text of texts) {
    // Plain characters only: formatting is attributes, not text.
    const plain = (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
    const index = plain.indexOf(phrase);
    if (index === -1) continue;
    return {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index + phrase.length)),
    };
  }
  throw new Error(`"${phrase}" is not in the seeded document`);
}

export async function seedReviewThread(args: { documentId: string; doc: Y.Doc; askedBy: { id: string }; repliedBy: { id: string } }) {
  const { start, end } = anchorPhrase(args.doc, SEEDED_THREAD.phrase);
  const asked = new Date(Date.now() - 20 * 60_000);
  await getPrisma().commentThread.create({
    data: {
      documentId: args.documentId,
      authorId: args.askedBy.id,
      quote: SEEDED_THREAD.phrase,
      anchorStart: new Uint8Array(start),
      anchorEnd: new Uint8Array(end),
      createdAt: asked,
      comments: {
        create: [
          { authorId: args.askedBy.id, body: SEEDED_THREAD.question, createdAt: asked },
          { authorId: args.repliedBy.id, body: SEEDED_THREAD.reply, createdAt: new Date(asked.getTime() + 6 * 60_000) },
        ],
      },
    },
  });
}
