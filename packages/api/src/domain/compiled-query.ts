import type { CompiledQuery, Database, Kysely } from "@tesseract/db";

/**
 * A hot query whose SQL is built and compiled once, on first use; each call binds its own
 * values and runs the same statement (Kysely otherwise builds an operation tree and compiles it
 * to SQL on every call). `build` must use its arguments only as values (`where(col, "=", value)`),
 * never to choose the query's shape: an argument that lands anywhere but the parameters is
 * refused. Other parameters (a `limit(1)`, a `+ 1`) are constants of the statement.
 * The SQL is the same on every PostgreSQL dialect the services use, and in a transaction.
 * A null argument binds NULL (the statement was compiled with a string in its place).
 */
export function compiledOnce<Args extends (string | null)[], R>(
  build: (db: Kysely<Database>, ...args: Args) => { compile(): CompiledQuery<R> },
): (db: Kysely<Database>, ...args: Args) => Promise<R[]> {
  let template: { compiled: CompiledQuery<R>; slots: number[] } | undefined;
  return async (db, ...args) => {
    if (!template) {
      // Stand-ins no real value equals, to find where each argument lands among the parameters.
      const marks = args.map((_, index) => `\u0000compiledOnce:${index}\u0000`);
      const compiled = build(db, ...(marks as Args)).compile();
      const slots = compiled.parameters.map((value) => marks.indexOf(value as string));
      const used = new Set(slots);
      if (compiled.sql.includes("\u0000") || marks.some((_, index) => !used.has(index)))
        throw new Error("compiledOnce: every argument must be a parameter, and only there");
      template = { compiled, slots };
    }
    const { compiled, slots } = template;
    const result = await db.executeQuery<R>({
      ...compiled,
      parameters: slots.map((slot, at) => (slot === -1 ? compiled.parameters[at] : args[slot])),
    });
    return result.rows;
  };
}
