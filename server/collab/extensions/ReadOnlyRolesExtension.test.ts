// Rule A3: read-only roles' updates are dropped; others are left to the next extension.
import { describe, expect, it } from "vitest";
import { fakeConnection } from "../testing";
import { ReadOnlyRolesExtension } from "./ReadOnlyRolesExtension";

describe("ReadOnlyRolesExtension (A3)", () => {
  const extension = new ReadOnlyRolesExtension();
  const verdict = (role: Parameters<typeof fakeConnection>[0]) =>
    extension.beforeApplyUpdate({ connection: fakeConnection(role).connection });

  it("drops viewers' and commenters' updates", () => {
    expect(verdict("viewer")).toEqual({ action: "drop" });
    expect(verdict("commenter")).toEqual({ action: "drop" });
  });

  it("leaves editors and suggesters to the extensions after it", () => {
    expect(verdict("editor")).toBeUndefined();
    expect(verdict("suggester")).toBeUndefined();
  });
});
