// Who wrote what, from the update log. Every log row carries the person whose
// edit it was; every Yjs item carries the client id that created it. Mapping
// client ids to people (from the rows' updates) and walking the document's
// items gives, for any stretch of text, who typed it. Text from before the
// log (the seed or an import, stored as a snapshot) belongs to whoever
// created the document.
import * as Y from "yjs";
import type { Schema } from "@tiptap/pm/model";
import { getPrisma } from "../db/prisma";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { documentSchema } from "../documents/documentState";
import { flushLiveDocument } from "../collab/serverEdits";

/** A stretch of text in ProseMirror positions, written by one Yjs client. */
export type TextRun = { from: number; to: number; client: number; block: number };

/** Who wrote a Yjs client's text: a user id. */
export type AuthorOf = (client: number) => string;

/**
 * The document's writers by Yjs client id, from its update log; clients not
 * in the log (the seed, an import) belong to the document's creator. The
 * room's pending updates are stored first, or the newest text's writer would
 * be unknown (SYNC.md H3).
 */
export async function loadAuthorOf(documentId: string): Promise<AuthorOf> {
  await flushLiveDocument(documentId);
  const [{ createdById }, clientAuthors] = await Promise.all([
    getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { createdById: true } }),
    loadClientAuthors(documentId),
  ]);
  return (client) => clientAuthors.get(client) ?? createdById;
}

/** Maps each Yjs client id seen in the document's log to the person whose edit it was. */
async function loadClientAuthors(documentId: string): Promise<Map<number, string>> {
  const rows = await getPrisma().documentUpdate.findMany({
    where: { documentId, authorId: { not: null } },
    orderBy: { id: "asc" },
    select: { authorId: true, update: true },
  });
  const authors = new Map<number, string>();
  for (const row of rows) {
    // Only the client ids are needed: parseUpdateMeta reads them without building items.
    for (const client of Y.parseUpdateMeta(row.update).to.keys()) {
      if (!authors.has(client)) authors.set(client, row.authorId!);
    }
  }
  return authors;
}

/**
 * The visible text runs of the document's `default` fragment, in document
 * order, with their ProseMirror positions and top-level block index. Follows
 * how y-prosemirror maps the fragment: an element opens and closes (one
 * position each) around its content unless it is a leaf node (one position).
 */
export function textRuns(doc: Y.Doc, schema: Schema = documentSchema()): TextRun[] {
  const runs: TextRun[] = [];
  let pos = 0;
  const walk = (type: Y.XmlElement | Y.XmlText, block: number) => {
    if (type instanceof Y.XmlText) {
      for (let item = type._start; item; item = item.right) {
        if (item.deleted || !item.countable) continue;
        runs.push({ from: pos, to: pos + item.length, client: item.id.client, block });
        pos += item.length;
      }
      return;
    }
    if (schema.nodes[type.nodeName]?.isLeaf) {
      pos += 1;
      return;
    }
    pos += 1;
    for (const child of type.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child, block);
    pos += 1;
  };
  doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .forEach((child, block) => {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child, block);
    });
  return runs;
}

/** Characters per author within [from, to), largest share first. */
export function authorsOf(runs: TextRun[], authorOf: AuthorOf, range?: { from: number; to: number }): { authorId: string; characters: number }[] {
  const counts = new Map<string, number>();
  for (const run of runs) {
    const from = range ? Math.max(run.from, range.from) : run.from;
    const to = range ? Math.min(run.to, range.to) : run.to;
    if (to <= from) continue;
    const author = authorOf(run.client);
    counts.set(author, (counts.get(author) ?? 0) + (to - from));
  }
  return [...counts].map(([authorId, characters]) => ({ authorId, characters })).sort((a, b) => b.characters - a.characters);
}
