import { describe, expect, it } from "vitest";
import { newsroomAuditQuery } from "./apiSchemas";

describe("newsroomAuditQuery", () => {
  const parse = (query: Record<string, string>) => newsroomAuditQuery.safeParse(query);
  const message = (query: Record<string, string>) => parse(query).error?.issues[0]?.message;

  it("defaults to the newest 50 and reads numbers from the query string", () => {
    expect(parse({}).data).toEqual({ limit: 50 });
    expect(parse({ limit: "200", action: "thread_resolved", documentId: "3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c" }).data).toEqual({
      limit: 200,
      action: "thread_resolved",
      documentId: "3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c",
    });
  });

  it("takes an event id or an ISO time as the cursor", () => {
    expect(parse({ before: "3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c" }).success).toBe(true);
    expect(parse({ before: "2026-11-25T12:00:00Z" }).success).toBe(true);
    expect(parse({ before: "2026-11-25T12:00:00.123+01:00" }).success).toBe(true);
    expect(message({ before: "yesterday" })).toMatch(/before must be an audit event id or an ISO 8601 time/);
  });

  it("refuses limits outside 1..200, malformed filters and unknown parameters with a clear message", () => {
    for (const limit of ["0", "201", "-1", "1.5", "ten", ""]) expect(message({ limit }), limit).toBe("limit must be a whole number from 1 to 200");
    expect(message({ action: "DROP TABLE" })).toMatch(/action must be an audit action name/);
    expect(message({ documentId: "42" })).toBe("documentId must be a document id");
    expect(parse({ actions: "approve" }).success).toBe(false);
  });
});
