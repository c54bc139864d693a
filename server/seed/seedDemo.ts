// Demo data for a first start: four accounts and the Istanbul talks analysis,
// created only when the database has no users (and SEED_DEMO is not 0).
import { defaultDocumentRole } from "../policies";
import { LockClass, withAdvisoryLock } from "../db/advisoryLock";
import { getPrisma } from "../db/prisma";
import { snapshotOf } from "../collab/documentStore";
import { yDocFromJSON } from "../documents/documentState";
import { createUser } from "../users/createUser";
import { seedReviewThread } from "./seedReviewThread";
import { withSeededStructureSuggestions } from "./seedStructureSuggestions";
import { ISTANBUL_ANALYSIS_TITLE, istanbulTalksAnalysis } from "./istanbulTalksAnalysis";
import type { JSONContent } from "@tiptap/core";
import { processImage } from "../media/processImage";
import { storeImage } from "../media/media";
import { BOSPHORUS_GRAPHIC, bosphorusGraphicPng } from "./bosphorusGraphic";

export const DEMO_PASSWORD = "newsroom-demo";

export const DEMO_ACCOUNTS = [
  { email: "analyst1@newsroom.test", name: "Ayşe Demir", role: "analyst" },
  { email: "analyst2@newsroom.test", name: "Daniel Okafor", role: "analyst" },
  { email: "editor@newsroom.test", name: "Maria Keller", role: "editor" },
  { email: "viewer@newsroom.test", name: "Sam Viewer", role: "viewer" },
] as const;

/** Seeds when the database has no users. Returns whether it did. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  // Several nodes starting together on an empty database seed it once.
  return withAdvisoryLock(LockClass.seed, "demo", seedIfEmptyLocked);
}

async function seedIfEmptyLocked(): Promise<boolean> {
  const prisma = getPrisma();
  if ((await prisma.user.count()) > 0) return false;

  const users = [];
  for (const account of DEMO_ACCOUNTS) users.push(await createUser({ ...account, password: DEMO_PASSWORD }));
  const author = users[0]!;

  // The lead figure: a graphic of our own, processed and stored like any upload.
  const graphic = await processImage(await bosphorusGraphicPng());
  const leadFigure: JSONContent = { type: "figure", attrs: { hash: graphic.hash, width: graphic.width, height: graphic.height, ...BOSPHORUS_GRAPHIC, lead: true } };
  // Daniel Okafor (DEMO_ACCOUNTS' order) has suggested a paragraph break and bold, an hour ago.
  const withSuggestions = withSeededStructureSuggestions(istanbulTalksAnalysis, users[1]!, new Date(Date.now() - 60 * 60 * 1000));
  const content: JSONContent = { ...withSuggestions, content: [leadFigure, ...(withSuggestions.content ?? [])] };

  const doc = yDocFromJSON(content);
  const { state, stateVector } = snapshotOf(doc);
  const document = await prisma.document.create({
    data: {
      title: ISTANBUL_ANALYSIS_TITLE,
      createdById: author.id,
      lastEditedAt: new Date(),
      members: { create: users.map((user) => ({ userId: user.id, role: defaultDocumentRole(user.role) })) },
      snapshot: { create: { state: new Uint8Array(state), stateVector: new Uint8Array(stateVector), upToUpdateId: 0n } },
    },
    select: { id: true },
  });
  await storeImage(graphic, document.id, author.id);
  // Daniel Okafor asks, Maria Keller replies (DEMO_ACCOUNTS' order).
  await seedReviewThread({ documentId: document.id, doc, askedBy: users[1]!, repliedBy: users[2]! });
  doc.destroy();
  return true;
}

export function demoAccountsBanner(): string {
  const rows = DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(26)} ${account.role}`);
  return ["  Demo accounts (password: newsroom-demo):", ...rows].join("\n");
}
