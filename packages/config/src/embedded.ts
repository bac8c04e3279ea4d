import { ConfigError } from "./config.ts";

export interface EmbeddedModule {
  /** The package that provides the stand-in, as imported (e.g. "@electric-sql/pglite"). */
  name: string;
  /** What it stands in for, for the message ("the embedded database"). */
  role: string;
  /** The variable that, once set, takes the real service instead (e.g. "DATABASE_URL"). */
  variable: string;
}

/**
 * Loads a package that only the embedded mode uses (PGlite, the Redis stand-in, the S3/SQS
 * emulator). They are development dependencies: a production install (`pnpm install --prod`,
 * the Docker image) leaves them out, and the embedded mode then stops with a configuration error
 * naming the variable to set, instead of a module-resolution stack trace.
 *
 * `load` must be the caller's own `() => import("…")`, so the package resolves from the
 * package that depends on it.
 */
export async function loadEmbeddedModule<T>(
  load: () => Promise<T>,
  module: EmbeddedModule,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new ConfigError([
      {
        variable: module.variable,
        problem:
          `not set, so ${module.role} is needed, but ${module.name} is not installed. ` +
          "Production installs (pnpm install --prod, the Docker image) leave the embedded mode " +
          "out: set DATABASE_URL, REDIS_URL and AWS_ENDPOINT_URL (or AWS credentials) to real " +
          "services, or install every dependency (pnpm install) to run embedded.",
      },
    ]);
  }
}
