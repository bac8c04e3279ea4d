export { createDatabase } from "./database.ts";
export { withConfiguredDatabase } from "./configured-database.ts";
export { createReadReplica, currentWalPosition, lsnToNumber } from "./replica.ts";
export type { ReadReplica, ReadReplicaOptions } from "./replica.ts";
export { isConnectionError } from "./connection-errors.ts";
export type { DatabaseHandle, DatabaseKind, DatabaseOptions, PoolStats } from "./database.ts";
export { migrateToLatest } from "./migrate.ts";
export { pgliteTemplateDir, writePgliteTemplate } from "./pglite-template.ts";
export { generateSchemaTypes } from "./codegen.ts";
export type * from "./schema.generated.ts";
export { sql } from "kysely";
export type {
  CompiledQuery,
  Expression,
  ExpressionBuilder,
  Insertable,
  Kysely,
  Selectable,
  SqlBool,
  Transaction,
  Updateable,
} from "kysely";
