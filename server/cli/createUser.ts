// npm run user:create -- --email … --name … --role analyst|editor|viewer|admin
// Creates a newsroom account in the configured database (DATABASE_URL, or the
// embedded PostgreSQL in DATA_DIR). The password is asked for on a terminal,
// or read from standard input when piped.
import { parseArgs } from "node:util";
import readline from "node:readline";
import { z } from "zod";
import { openDatabase } from "../db/openDatabase";
import { disconnectPrisma } from "../db/prisma";
import { readServerEnv } from "../env";
import { AppError } from "../errors";
import { createUser, NEWSROOM_ROLES } from "../users/createUser";

const USAGE = `Usage: npm run user:create -- --email EMAIL --name "FULL NAME" --role ${NEWSROOM_ROLES.join("|")}
The password is prompted for, or read from stdin: echo "$PASSWORD" | npm run user:create -- …`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed.
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
      output._writeToOutput = () => {};
      rl.question("", (answer) => {
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  rl.close();
  if (first !== second) throw new AppError("bad_request", "The passwords do not match");
  return first;
}

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
