// Runs the demo-password check of demoPasswordExposure.ts against the
// database at start: what the server should do, and whether the sign-in
// page may show the demo credentials.
import { getPrisma } from "../db/prisma";
import type { ServerEnv } from "../env";
import { setShowDemoCredentials } from "./demoCredentialsVisibility";
import { decideDemoExposure, demoAccountsWithPublicPassword, isLoopbackHost } from "./demoPasswordExposure";
import { DEMO_ACCOUNTS } from "./seedDemo";

export async function checkDemoExposure(
  env: Pick<ServerEnv, "host" | "dev" | "seedDemo" | "allowPublicDemoAccounts">,
): Promise<{ refuse?: string; warning?: string }> {
  // An empty database is about to be seeded with the demo accounts and their password.
  const aboutToSeed = env.seedDemo && (await getPrisma().user.count()) === 0;
  const accounts = aboutToSeed ? DEMO_ACCOUNTS.map((account) => account.email).sort() : await demoAccountsWithPublicPassword();
  const decision = decideDemoExposure({ reachable: !isLoopbackHost(env.host), accounts, allowed: env.allowPublicDemoAccounts });
  setShowDemoCredentials(decision.action === "start" && decision.showCredentials);
  if (decision.action === "start") return {};
  // A development server is someone's own machine: told, not stopped.
  if (decision.action === "warn" || env.dev) return { warning: decision.message };
  return { refuse: decision.message };
}
