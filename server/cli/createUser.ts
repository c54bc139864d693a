// npm run user:create -- --email … --name … --role analyst|editor|viewer|admin
// Creates a newsroom account in the configured database (DATABASE_URL, or the
// embedded PostgreSQL in DATA_DIR). The password is asked for on a terminal,
// or read from standard input when piped.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../db/openDatabase";
import { disconnectPrisma } from "../db/prisma";
import { readServerEnv } from "../env";
import { createUser, NEWSROOM_ROLES } from "../users/createUser";
import { readPassword } from "./readPassword";

const USAGE = `Usage: npm run user:create -- --email EMAIL --name "FULL NAME" --role ${NEWSROOM_ROLES.join("|")}
The password is prompted for, or read from stdin: echo "$PASSWORD" | npm run user:create -- …`;

async function main() {
  let args;
  try {
    args = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, help: { type: "boolean" } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.email || !args.name || !args.role) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const env = readServerEnv();
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log: () => {}, ownsEmbeddedCluster: false });
  process.env.DATABASE_URL = database.url;
  try {
    const password = await readPassword();
    const user = await createUser({ email: args.email, name: args.name, role: args.role as never, password });
    console.log(`Created ${user.role} ${user.name} <${user.email}>`);
    return 0;
  } catch (error) {
    if (error instanceof z.ZodError) console.error(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}

process.exitCode = await main();
