// npm run user:disable -- --email …
// Disables an account: it can no longer sign in, and every session it holds
// ends at once (its cookies get 401, its open documents' sockets close).
import { parseArgs } from "node:util";
import { disableAccount } from "../users/accounts";
import { withDatabase } from "./withDatabase";

const USAGE = "Usage: npm run user:disable -- --email EMAIL";

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
    const user = await disableAccount(email);
    console.log(`Disabled ${user.name} <${user.email}>; every session of the account has ended.`);
  });
}

process.exitCode = await main();
