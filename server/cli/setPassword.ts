// npm run user:set-password -- --email …
// Sets a new password (asked for on a terminal, or read from stdin when piped)
// and ends every session of the account.
import { parseArgs } from "node:util";
import { setAccountPassword } from "../users/accounts";
import { readPassword } from "./readPassword";
import { withDatabase } from "./withDatabase";

const USAGE = `Usage: npm run user:set-password -- --email EMAIL
The password is prompted for, or read from stdin: echo "$PASSWORD" | npm run user:set-password -- --email EMAIL`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { email: { type: "string" }, help: { type: "boolean" } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.email) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const email = args.email;
  return withDatabase(async () => {
    const user = await setAccountPassword(email, await readPassword());
    console.log(`Set a new password for ${user.name} <${user.email}>; every session of the account has ended.`);
  });
}

process.exitCode = await main();
