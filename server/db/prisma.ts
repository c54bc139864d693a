// The one Prisma client of the process. The custom server (tsx) and Next's
// bundled route handlers load this module as two separate copies; keeping the
// client on globalThis makes both share one connection pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

const globalKey = Symbol.for("newsroom.prisma");
type GlobalWithPrisma = typeof globalThis & { [globalKey]?: PrismaClient };

export function getPrisma(): PrismaClient {
  const holder = globalThis as GlobalWithPrisma;
  if (!holder[globalKey]) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: the server sets it after starting the database.");
    holder[globalKey] = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
  }
  return holder[globalKey];
}

export async function disconnectPrisma(): Promise<void> {
  const holder = globalThis as GlobalWithPrisma;
  const client = holder[globalKey];
  delete holder[globalKey];
  await client?.$disconnect();
}

export type { PrismaClient };
