// Prisma CLI configuration. The app never runs Prisma's migration engine (it
// cannot be downloaded offline); server/db/migrate.ts applies prisma/migrations.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/newsroom" },
});
