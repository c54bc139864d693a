// Rule A2: a signed-in user who may not open the document, or a document that
// does not exist, is closed with 4404 before any byte (the two cases look the
// same on purpose). The role found here decides what the connection may send.
// A database error is not "no access": it closes with 1011, which y-websocket
// retries, where 4404 would tell the editor to stop for good.
// Roles live in PostgreSQL: tested in test/integration/collab.authorization.test.ts.
import { CloseCode } from "../../../lib/closeCodes";
import type { DocumentRole } from "../../db/generated/enums";
import { findDocumentRole } from "../../documents/documentAccess";
import type { Actor } from "../../policies";
import { CollabRefusal, type CollabExtension, type ConnectionContext } from "../extension";

export type FindDocumentRole = (actor: Actor, documentId: string) => Promise<DocumentRole | null>;

export class AuthorizationExtension implements CollabExtension {
  readonly name = "authorization";

  constructor(private readonly findRole: FindDocumentRole = findDocumentRole) {}

  async onAuthenticate({ documentId, context }: { documentId: string; context: ConnectionContext }): Promise<void> {
    if (!context.actor) return;
    let role: DocumentRole | null;
    try {
      role = await this.findRole(context.actor, documentId);
    } catch (error) {
      throw new CollabRefusal(CloseCode.internalError, `Authorization unavailable: ${String(error)}`);
    }
    if (!role) throw new CollabRefusal(CloseCode.notFound, "Document not found");
    context.role = role;
  }
}
