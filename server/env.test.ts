import path from "node:path";
import { describe, expect, it } from "vitest";
import { readServerEnv } from "./env";

describe("readServerEnv", () => {
  it("has defaults that need no configuration", () => {
    const env = readServerEnv({});
    expect(env).toMatchObject({ port: 3000, dataDir: path.resolve(".data"), databaseUrl: undefined, seedDemo: true, dev: false });
  });
  it("treats empty variables as unset and reads the rest", () => {
    const env = readServerEnv({ PORT: "4000", DATABASE_URL: "", SEED_DEMO: "0", DATA_DIR: "/srv/newsroom" });
    expect(env).toMatchObject({ port: 4000, databaseUrl: undefined, seedDemo: false, dataDir: "/srv/newsroom" });
  });
  it("explains what is wrong", () => {
    expect(() => readServerEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => readServerEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => readServerEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/at least 32/);
  });
});
