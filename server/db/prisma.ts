// The one Prisma client of the process, a process global so the custom
// server and Next's bundled route handlers share one connection pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { processGlobal } from "../processGlobal";
import { PrismaClient } from "./generated/client";

const client = processGlobal<PrismaClient>("prisma");

export function getPrisma(): PrismaClient {
  const existing = client.get();
  if (existing) return existing;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the server sets it after starting the database.");
  const created = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
  client.set(created);
  return created;
}

export async function disconnectPrisma(): Promise<void> {
  const existing = client.get();
  client.clear();
  await existing?.$disconnect();
}

export type { PrismaClient };
