// "Who wrote which paragraph": the current text, block by block, each with
// its authors' shares of the characters.
import type { JSONContent } from "@tiptap/core";
import type { AuthoredBlock, PersonView } from "../../lib/history/historyTypes";
import { getPrisma } from "../db/prisma";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { flushLiveDocument } from "../collab/serverEdits";
import { documentJSONFromYDoc } from "../documents/documentState";
import type { Actor } from "../policies";
import { presentUser } from "../review/threadView";
import { authorsOf, loadClientAuthors, textRuns, type TextRun } from "./authorship";
import { renderHistoryBlocks } from "./renderHistoryHtml";

export async function listBlockAuthorship(actor: Actor, documentId: string): Promise<AuthoredBlock[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  // The log must hold every edit in the text, or its writer is unknown.
  await flushLiveDocument(documentId);
  const { createdById } = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { createdById: true } });
  const [doc, clientAuthors] = await Promise.all([loadCurrentDocument(documentId), loadClientAuthors(documentId)]);
  try {
    const blocks: JSONContent[] = documentJSONFromYDoc(doc).content ?? [];
    const runsByBlock = blocks.map((): TextRun[] => []);
    for (const run of textRuns(doc)) runsByBlock[run.block]?.push(run);
    const perBlock = runsByBlock.map((runs) => authorsOf(runs, clientAuthors, createdById));
    const people = await loadPeople(perBlock.flatMap((authors) => authors.map((author) => author.authorId)));
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

export async function loadPeople(ids: string[]): Promise<Map<string, PersonView>> {
  const users = await getPrisma().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, presentUser(user)]));
}
