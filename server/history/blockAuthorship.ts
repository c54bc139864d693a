// "Who wrote which paragraph": the current text, block by block, each with
// its authors' shares of the characters.
import type { JSONContent } from "@tiptap/core";
import type { AuthoredBlock } from "../../lib/history/historyTypes";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { documentJSONFromYDoc } from "../documents/documentState";
import type { Actor } from "../policies";
import { findPeople } from "../users/findPeople";
import { authorsOf, loadAuthorOf, textRuns, type TextRun } from "./authorship";
import { renderHistoryBlocks } from "./renderHistoryHtml";

export async function listBlockAuthorship(actor: Actor, documentId: string): Promise<AuthoredBlock[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  const authorOf = await loadAuthorOf(documentId);
  const doc = await loadCurrentDocument(documentId);
  try {
    const blocks: JSONContent[] = documentJSONFromYDoc(doc).content ?? [];
    const runsByBlock = blocks.map((): TextRun[] => []);
    for (const run of textRuns(doc)) runsByBlock[run.block]?.push(run);
    const perBlock = runsByBlock.map((runs) => authorsOf(runs, authorOf));
    const people = await findPeople(perBlock.flatMap((authors) => authors.map((author) => author.authorId)));
    const html = renderHistoryBlocks({ type: "doc", content: blocks });
    return blocks.map((_, index) => {
      const authors = perBlock[index]!;
      const total = authors.reduce((sum, author) => sum + author.characters, 0);
      return {
        html: html[index] ?? "",
        authors: authors.flatMap((author) => {
          const person = people.get(author.authorId);
          return person ? [{ ...person, share: total === 0 ? 0 : author.characters / total }] : [];
        }),
      };
    });
  } finally {
    doc.destroy();
  }
}
