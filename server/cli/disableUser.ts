// npm run user:disable -- --email …
// Disables an account: it can no longer sign in, and every session it holds
// ends at once (its cookies get 401, its open documents' sockets close).
import { disableAccount } from "../users/accounts";
import { runEmailCommand } from "./runEmailCommand";

const USAGE = "Usage: npm run user:disable -- --email EMAIL";

process.exitCode = await runEmailCommand(USAGE, async (email) => {
  const user = await disableAccount(email);
  console.log(`Disabled ${user.name} <${user.email}>; every session of the account has ended.`);
});
