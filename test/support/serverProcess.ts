// The sync server alone in its own process, for tests that kill it.
import { disconnectPrisma } from "../../server/db/prisma";
import { startNewsroomServer } from "../../server/http/startNewsroomServer";

const server = await startNewsroomServer({
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  authSecret: process.env.NEXTAUTH_SECRET!,
  nextMode: "none",
});
console.log(`listening on ${server.port}`);
process.on("SIGTERM", async () => {
  await server.close();
  await disconnectPrisma();
  process.exit(0);
});
