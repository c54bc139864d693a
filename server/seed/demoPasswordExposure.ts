// The demo accounts share a password printed in the README. On a laptop that
// is harmless; on a server others can reach it is an open door with an
// editor's key. So a production server bound beyond loopback refuses to start
// while those accounts still have that password (or would be seeded with it),
// unless ALLOW_PUBLIC_DEMO_ACCOUNTS=1 says it is meant (a public demo). Then
// it warns at every start, and the sign-in page never shows the credentials.
import { isIP } from "node:net";
import { verifyPassword } from "../auth/password";
import { getPrisma } from "../db/prisma";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seedDemo";

/** Whether only this machine can reach a server listening on `host`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (bare === "::1" || bare === "0:0:0:0:0:0:0:1") return true;
  return /^::ffff:127\./.test(bare);
}

/** Demo accounts that are not disabled and still sign in with the public demo password. */
export async function demoAccountsWithPublicPassword(): Promise<string[]> {
  const users = await getPrisma().user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) }, disabledAt: null },
    select: { email: true, passwordHash: true },
  });
  const exposed: string[] = [];
  for (const user of users) if (await verifyPassword(user.passwordHash, DEMO_PASSWORD)) exposed.push(user.email);
  return exposed.sort();
}

export type DemoExposure = {
  /** A production server listening beyond loopback. */
  reachable: boolean;
  /** Demo accounts that sign in with the public password (existing, or about to be seeded). */
  accounts: string[];
  allowed: boolean;
};

export type DemoExposureDecision =
  | { action: "start"; showCredentials: boolean }
  | { action: "warn"; message: string }
  | { action: "refuse"; message: string };

export function decideDemoExposure({ reachable, accounts, allowed }: DemoExposure): DemoExposureDecision {
  if (accounts.length === 0) return { action: "start", showCredentials: false };
  if (!reachable) return { action: "start", showCredentials: true };
  const list = accounts.join(", ");
  if (allowed) {
    return {
      action: "warn",
      message:
        `WARNING: this server is reachable beyond this machine and the demo accounts (${list}) sign in with the ` +
        `public demo password, because ALLOW_PUBLIC_DEMO_ACCOUNTS=1. Anyone who has read the README can sign in ` +
        `as them. The sign-in page does not show the password.`,
    };
  }
  return {
    action: "refuse",
    message:
      `Refusing to start: this production server listens beyond loopback and the demo accounts (${list}) ` +
      `sign in with the public demo password from the README. Either:\n` +
      `  - start with SEED_DEMO=0 on a fresh database and create accounts with npm run user:create;\n` +
      `  - end the demo accounts: npm run user:disable -- --email <email> (or give them new passwords with npm run user:set-password);\n` +
      `  - listen on this machine only: HOST=127.0.0.1 (behind a reverse proxy on the same machine);\n` +
      `  - or, for a public demo on purpose, set ALLOW_PUBLIC_DEMO_ACCOUNTS=1.`,
  };
}
