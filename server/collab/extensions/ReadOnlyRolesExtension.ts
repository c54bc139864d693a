// Rule A3: connections whose role may not change text (viewer, commenter)
// receive the document and presence, but every update they send is dropped:
// never applied, forwarded or stored.
import { canEditContent, canSuggest } from "../../policies";
import type { Connection } from "../Connection";
import type { CollabExtension, UpdateVerdict } from "../extension";

export class ReadOnlyRolesExtension implements CollabExtension {
  readonly name = "read-only-roles";

  beforeApplyUpdate({ connection }: { connection: Connection }): UpdateVerdict | undefined {
    if (canEditContent(connection.role) || canSuggest(connection.role)) return undefined;
    return { action: "drop" };
  }
}
