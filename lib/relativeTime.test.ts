import { describe, expect, it } from "vitest";
import { relativeTime } from "./relativeTime";

describe("relativeTime", () => {
  const now = Date.parse("2026-11-25T12:00:00Z");
  it("reads naturally", () => {
    expect(relativeTime("2026-11-25T11:59:55Z", now)).toBe("just now");
    expect(relativeTime("2026-11-25T11:57:00Z", now)).toBe("3 minutes ago");
    expect(relativeTime("2026-11-25T09:00:00Z", now)).toBe("3 hours ago");
    expect(relativeTime("2026-11-24T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("2026-10-01T12:00:00Z", now)).toBe("1 Oct 2026");
  });
});
