// Size bounds shared by browser and server. Every external input is bounded.

/** Largest websocket frame the sync server accepts; larger frames close with 1009. */
export const MAX_WS_FRAME_BYTES = 4 * 1024 * 1024;

/** Largest body /api/auth/* reads (an email, a password, a CSRF token and a callback URL). */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;

/** Largest JSON body an API route reads. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export const MAX_TITLE_LENGTH = 200;
export const MAX_NAME_LENGTH = 100;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** Most simultaneous sockets one user may hold on one document (tabs, reconnect overlap). */
export const MAX_CONNECTIONS_PER_USER_PER_DOCUMENT = 8;

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_QUOTE_LENGTH = 2000;
/** An encoded Yjs relative position is a few dozen bytes; anything larger is not one. */
export const MAX_ANCHOR_BYTES = 256;

/** A version's name ("Sent to legal"). */
export const MAX_VERSION_NAME_LENGTH = 120;
/** Audit events per page of the newsroom Activity log: the default, and the most one request may ask for. */
export const AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE_SIZE = 200;
/**
 * Largest file (or JSON `content`) the import endpoint turns into a document:
 * 512 KiB, some 80,000 words. Files are parsed one at a time in the server's
 * import worker (a 500 KiB HTML page takes over half a second) and the Yjs
 * state is built on the main thread, so the bound keeps both the queue and
 * the main thread's share short (docs/benchmarks.md has the times).
 */
export const MAX_IMPORT_BYTES = 512 * 1024;
/** The import bound as people read it: "512 KiB". */
export const MAX_IMPORT_SIZE_LABEL = `${MAX_IMPORT_BYTES / 1024} KiB`;
/**
 * Largest import request body: the content plus room for JSON string escaping
 * (a newline or quote takes two bytes) and the multipart envelope. Counted
 * while the body streams in; the content itself is then held to MAX_IMPORT_BYTES.
 */
export const MAX_IMPORT_REQUEST_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024;
/**
 * Largest a document's Yjs state may grow (its encoded size, history of
 * deletions included). A long feature with months of edits is a few MiB; the
 * cap keeps one document from filling the database and every editor's memory.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
