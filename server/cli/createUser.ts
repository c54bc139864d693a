// npm run user:create -- --email … --name … --role analyst|editor|viewer|admin
// Creates a newsroom account in the configured database (DATABASE_URL, or the
// embedded PostgreSQL in DATA_DIR). The password is asked for on a terminal,
// or read from standard input when piped.
import { parseArgs } from "node:util";
import { createUser, NEWSROOM_ROLES } from "../users/createUser";
import { readPassword } from "./readPassword";
import { withDatabase } from "./withDatabase";

const USAGE = `Usage: npm run user:create -- --email EMAIL --name "FULL NAME" --role ${NEWSROOM_ROLES.join("|")}
The password is prompted for, or read from stdin: echo "$PASSWORD" | npm run user:create -- …`;

async function main(): Promise<number> {
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
  const { email, name, role } = args;
  return withDatabase(async () => {
    const user = await createUser({ email, name, role: role as never, password: await readPassword() });
    console.log(`Created ${user.role} ${user.name} <${user.email}>`);
  });
}

process.exitCode = await main();
