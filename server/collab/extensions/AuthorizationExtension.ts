// Rule A2: a signed-in user who may not open the document, or a document that
// does not exist, is closed with 4404 before any byte (the two cases look the
// same on purpose). The role found here decides what the connection may send.
// Roles live in PostgreSQL: tested in test/integration/collab.authorization.test.ts.
import { CloseCode } from "../../../lib/closeCodes";
import { findDocumentRole } from "../../documents/documentAccess";
import { CollabRefusal, type CollabExtension, type ConnectionContext } from "../extension";

export class AuthorizationExtension implements CollabExtension {
  readonly name = "authorization";

  async onAuthenticate({ documentId, context }: { documentId: string; context: ConnectionContext }): Promise<void> {
    if (!context.actor) return;
    const role = await findDocumentRole(context.actor, documentId).catch(() => null);
    if (!role) throw new CollabRefusal(CloseCode.notFound, "Document not found");
    context.role = role;
  }
}
