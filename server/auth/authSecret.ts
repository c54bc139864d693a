// NEXTAUTH_SECRET signs and encrypts session tokens. When it is not
// configured, one is generated once into DATA_DIR so `npm start` needs no
// setup and sessions survive restarts.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export async function readOrCreateAuthSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "nextauth-secret");
  try {
    const existing = (await fs.readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  await fs.mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The secret the running server uses (set in process.env at start). */
export function getAuthSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: the server sets it at start.");
  return secret;
}
