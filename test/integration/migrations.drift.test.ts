// The migrated database must match prisma/schema.prisma: every model is a
// table, every scalar field a column of the right type and nullability, every
// enum a type with the same values, and nothing extra. Fails when someone
// edits the schema without adding a migration (or the other way round).
import fs from "node:fs/promises";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

type Column = { table: string; column: string; type: string; nullable: boolean };

// Prisma scalar (+ native type) → PostgreSQL's information_schema type.
function expectedType(field: { type: string; kind: string; nativeType?: unknown }): string {
  const native = Array.isArray(field.nativeType) ? (field.nativeType[0] as string) : undefined;
  if (field.kind === "enum") return `enum:${field.type}`;
  switch (field.type) {
    case "String":
      return native === "Uuid" ? "uuid" : native === "VarChar" ? "character varying" : "text";
    case "DateTime":
      return native === "Timestamptz" ? "timestamp with time zone" : native === "Date" ? "date" : "timestamp without time zone";
    case "BigInt":
      return "bigint";
    case "Int":
      return "integer";
    case "Boolean":
      return "boolean";
    case "Bytes":
      return "bytea";
    case "Float":
      return "double precision";
    case "Json":
      return "jsonb";
    default:
      throw new Error(`No mapping for Prisma type ${field.type}; extend the drift test`);
  }
}

describe("migrations match schema.prisma", () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("has the same tables, columns, types, nullability and enums", async () => {
    const datamodel = await fs.readFile(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const result = await getDMMF({ datamodel });
    if (!("datamodel" in result)) throw new Error(`schema.prisma does not parse: ${JSON.stringify(result)}`);
    const dmmf = result;

    const expected: Column[] = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "scalar" || field.kind === "enum")
        .map((field) => ({
          table: model.dbName ?? model.name,
          column: field.dbName ?? field.name,
          // Prisma stores lists as nullable PostgreSQL arrays.
          type: field.isList ? "ARRAY" : expectedType(field),
          nullable: field.isList || !field.isRequired,
        })),
    );

    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.dbName ?? e.name));
    const actual: Column[] = rows.map((row) => ({
      table: row.table_name,
      column: row.column_name,
      type: row.data_type === "USER-DEFINED" && enumNames.has(row.udt_name) ? `enum:${row.udt_name}` : row.data_type,
      nullable: row.is_nullable === "YES",
    }));

    const key = (column: Column) => `${column.table}.${column.column}`;
    const sort = (columns: Column[]) => [...columns].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sort(actual)).toEqual(sort(expected));

    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
        GROUP BY t.typname`,
    );
    const actualEnums = Object.fromEntries(enums.rows.map((row) => [row.name, row.values]));
    const expectedEnums = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actualEnums).toEqual(expectedEnums);
  });

  it("recorded every migration folder in _prisma_migrations with its checksum", async () => {
    const { listMigrations } = await import("../../server/db/migrate");
    const folders = await listMigrations();
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(folders.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });
});
