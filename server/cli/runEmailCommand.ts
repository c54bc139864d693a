// The shape shared by account commands that name one account by --email
// (user:disable, user:set-password): parse, print the usage on a mistake or
// --help, then run against the database. Returns the process exit code.
import { parseArgs } from "node:util";
import { withDatabase } from "./withDatabase";

export async function runEmailCommand(usage: string, run: (email: string) => Promise<void>): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { email: { type: "string" }, help: { type: "boolean" } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (args.help || !args.email) {
    console.error(usage);
    return args.help ? 0 : 2;
  }
  const email = args.email;
  return withDatabase(() => run(email));
}
