// Websocket close codes of the /collab/<documentId> socket. The client switches
// on these: 44xx means "do not retry until something changes" (sign in again,
// get access), the others are transient. See docs/SYNC.md.
export const CloseCode = {
  /** Server is shutting down or the room unloaded; reconnect. */
  goingAway: 1001,
  /** A frame was not a valid sync/awareness message. */
  protocolError: 1002,
  /** The client broke a rate limit the server enforces by closing (too many sync requests, rule L6). */
  policyViolation: 1008,
  /** A frame exceeded MAX_WS_FRAME_BYTES. */
  messageTooBig: 1009,
  /** The server failed internally (e.g. could not load the document); reconnect later. */
  internalError: 1011,
  /** No valid session cookie. */
  unauthorized: 4401,
  /** Refused: the page that opened the socket is on another site. */
  forbidden: 4403,
  /** No such document (or not visible to this user). */
  notFound: 4404,
  /** Too many sockets from this user on this document. */
  tooManyConnections: 4429,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
