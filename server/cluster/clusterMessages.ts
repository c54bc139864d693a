// What nodes tell each other about the cluster and the newsroom, on one Redis
// channel, as JSON: liveness, events route handlers published on one node
// (review events, dashboard events), who is editing what, and requests to
// store an open document now. Parsed with zod: a message that does not fit
// is dropped, never acted on.
import { z } from "zod";
import type { DocumentEvent } from "../../lib/review/reviewTypes";
import type { NewsroomEvent } from "../../lib/newsroomEvents";
import type { PresentUser } from "../../lib/documentTypes";

const presentUser = z.object({ id: z.string(), name: z.string(), color: z.string() });

const clusterMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heartbeat"), nodeId: z.string() }),
  /** A node stopping cleanly: the others forget its presence at once. */
  z.object({ type: z.literal("leaving"), nodeId: z.string() }),
  z.object({
    type: z.literal("document-event"),
    nodeId: z.string(),
    documentId: z.string(),
    event: z.custom<DocumentEvent>((value) => typeof value === "object" && value !== null && "type" in value),
    rolesChanged: z.boolean(),
  }),
  z.object({
    type: z.literal("newsroom-event"),
    nodeId: z.string(),
    event: z.custom<NewsroomEvent>((value) => typeof value === "object" && value !== null && "type" in value),
  }),
  /** Everyone connected to a document through the sending node (its whole list; empty when none). */
  z.object({ type: z.literal("editing"), nodeId: z.string(), documentId: z.string(), users: z.array(presentUser) }),
  /** A node that just started asks the others for their "editing" lists. */
  z.object({ type: z.literal("editing-query"), nodeId: z.string() }),
  z.object({ type: z.literal("flush-request"), nodeId: z.string(), requestId: z.string(), documentId: z.string() }),
  z.object({ type: z.literal("flush-reply"), nodeId: z.string(), requestId: z.string(), to: z.string() }),
]);

export type ClusterMessage = z.infer<typeof clusterMessage>;
export type { PresentUser };

export function encodeClusterMessage(message: ClusterMessage): string {
  return JSON.stringify(message);
}

/** The message, or undefined when it is not one of ours. */
export function decodeClusterMessage(raw: string): ClusterMessage | undefined {
  try {
    const parsed = clusterMessage.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
