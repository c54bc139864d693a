// npm run user:set-password -- --email …
// Sets a new password (asked for on a terminal, or read from stdin when piped)
// and ends every session of the account.
import { setAccountPassword } from "../users/accounts";
import { readPassword } from "./readPassword";
import { runEmailCommand } from "./runEmailCommand";

const USAGE = `Usage: npm run user:set-password -- --email EMAIL
The password is prompted for, or read from stdin: echo "$PASSWORD" | npm run user:set-password -- --email EMAIL`;

process.exitCode = await runEmailCommand(USAGE, async (email) => {
  const user = await setAccountPassword(email, await readPassword());
  console.log(`Set a new password for ${user.name} <${user.email}>; every session of the account has ended.`);
});
