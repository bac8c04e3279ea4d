/**
 * The logging surface every package accepts. pino satisfies it; tests can pass a silent one.
 * Packages below the API depend on this shape, not on a logging library.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** Lets a hot path skip building an entry nobody will read (pino's own method). */
  isLevelEnabled(level: "debug" | "info" | "warn" | "error"): boolean;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  isLevelEnabled: () => false,
};
