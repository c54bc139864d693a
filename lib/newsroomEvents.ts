// The newsroom-wide live channel (`/live/newsroom`): what it tells open
// dashboards. Ids only: the dashboard reloads the list it is allowed to see.
export const NEWSROOM_CHANNEL_PATH = "/live/newsroom";

export type NewsroomEvent =
  /** Created, renamed, new status or metadata, membership changed. */
  | { type: "document"; documentId: string }
  /** Who is editing it now changed. */
  | { type: "editing"; documentId: string };

/** What the socket sends: events, and once, when it is admitted, "ready". */
export type NewsroomChannelMessage = NewsroomEvent | { type: "ready" };
