// Open dashboards hear when someone joins or leaves a document, after the
// presence registry holds the change (the dashboard reloads from it).
import { describe, expect, it } from "vitest";
import type { NewsroomEvent } from "../../../lib/newsroomEvents";
import { subscribeNewsroomEvents } from "../../newsroom/newsroomEvents";
import { ExtensionRunner } from "../extension";
import { presentUsers } from "../presenceRegistry";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { EditingNowExtension } from "./EditingNowExtension";
import { NewsroomPresenceExtension } from "./NewsroomPresenceExtension";

const quiet = { info: () => {}, error: () => {} };

describe("NewsroomPresenceExtension", () => {
  it("publishes an editing event on join and leave, with the registry already up to date", () => {
    const heard: { event: NewsroomEvent; present: string[] }[] = [];
    const stop = subscribeNewsroomEvents((event) => heard.push({ event, present: presentUsers(event.documentId).map((user) => user.id) }));
    const room = new Room("newsroom-presence-doc", new ExtensionRunner([new EditingNowExtension(), new NewsroomPresenceExtension()]), quiet);
    const ayse = fakeConnection("editor", "ayse");
    room.admit(ayse.connection);
    room.remove(ayse.connection);
    expect(heard).toEqual([
      { event: { type: "editing", documentId: "newsroom-presence-doc" }, present: ["ayse"] },
      { event: { type: "editing", documentId: "newsroom-presence-doc" }, present: [] },
    ]);
    stop();
    room.destroy();
  });
});
