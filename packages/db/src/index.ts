export { createDatabase } from "./database.ts";
export type { DatabaseHandle, DatabaseKind, DatabaseOptions } from "./database.ts";
export { migrateToLatest } from "./migrate.ts";
export { generateSchemaTypes } from "./codegen.ts";
export type * from "./schema.generated.ts";
export type { Insertable, Kysely, Selectable, Transaction, Updateable } from "kysely";
