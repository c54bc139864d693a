// Rule A2 without a database: the role lookup decides, and a lookup that
// fails is the server's failure (1011, retried), never "no access" (4404,
// which y-websocket treats as final).
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { CollabRefusal, type ConnectionContext } from "../extension";
import { AuthorizationExtension } from "./AuthorizationExtension";

const actor = { id: "3f1c6a52-9a4e-4a35-9d5e-7c3f0b1e2d4a", role: "analyst" as const };

async function refusalOf(extension: AuthorizationExtension, context: ConnectionContext): Promise<unknown> {
  return extension.onAuthenticate({ documentId: "d", context }).then(() => undefined, (error: unknown) => error);
}

describe("AuthorizationExtension (A2)", () => {
  it("admits with the role found", async () => {
    const context: ConnectionContext = { actor };
    expect(await refusalOf(new AuthorizationExtension(async () => "commenter"), context)).toBeUndefined();
    expect(context.role).toBe("commenter");
  });

  it("refuses a document the user may not open with 4404", async () => {
    const refusal = await refusalOf(new AuthorizationExtension(async () => null), { actor });
    expect((refusal as CollabRefusal).code).toBe(CloseCode.notFound);
  });

  it("answers a database error with 1011, not 4404", async () => {
    const refusal = await refusalOf(
      new AuthorizationExtension(async () => {
        throw new Error("connection terminated");
      }),
      { actor },
    );
    expect(refusal).toBeInstanceOf(CollabRefusal);
    expect((refusal as CollabRefusal).code).toBe(CloseCode.internalError);
  });
});
