import { describe, expect, it } from "vitest";
import { decideDemoExposure, isLoopbackHost } from "./demoPasswordExposure";

describe("isLoopbackHost", () => {
  it("knows loopback addresses from the rest", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1", "app.localhost"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "newsroom.example.org", "128.0.0.1", "::ffff:10.0.0.1"]) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe("decideDemoExposure", () => {
  const accounts = ["editor@newsroom.test"];

  it("starts and shows the credentials on loopback", () => {
    expect(decideDemoExposure({ reachable: false, accounts, allowed: false })).toEqual({ action: "start", showCredentials: true });
  });

  it("refuses beyond loopback while a demo account has the public password, naming the ways out", () => {
    const decision = decideDemoExposure({ reachable: true, accounts, allowed: false });
    expect(decision.action).toBe("refuse");
    if (decision.action === "refuse") for (const way of ["SEED_DEMO=0", "user:disable", "HOST=127.0.0.1", "ALLOW_PUBLIC_DEMO_ACCOUNTS=1"]) expect(decision.message).toContain(way);
  });

  it("warns when allowed on purpose, and never shows the credentials then", () => {
    expect(decideDemoExposure({ reachable: true, accounts, allowed: true }).action).toBe("warn");
  });

  it("starts quietly when no demo account has the public password", () => {
    expect(decideDemoExposure({ reachable: true, accounts: [], allowed: false })).toEqual({ action: "start", showCredentials: false });
  });
});
