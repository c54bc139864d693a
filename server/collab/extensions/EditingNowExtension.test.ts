// The dashboard's "editing now": one entry per person, gone when their last socket leaves.
import { describe, expect, it } from "vitest";
import { ExtensionRunner } from "../extension";
import { presentUsers } from "../presenceRegistry";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { EditingNowExtension } from "./EditingNowExtension";

const quiet = { info: () => {}, error: () => {} };

describe("EditingNowExtension", () => {
  it("lists a person once while any of their sockets is open", () => {
    const room = new Room("editing-now-doc", new ExtensionRunner([new EditingNowExtension()]), quiet);
    const first = fakeConnection("editor", "ayse");
    const second = fakeConnection("editor", "ayse");
    room.admit(first.connection);
    room.admit(second.connection);
    expect(presentUsers("editing-now-doc").map((user) => user.id)).toEqual(["ayse"]);
    room.remove(first.connection);
    expect(presentUsers("editing-now-doc")).toHaveLength(1);
    room.remove(second.connection);
    expect(presentUsers("editing-now-doc")).toEqual([]);
    room.destroy();
  });
});
