import type { Config, Logger } from "@tesseract/config";
import { pino } from "pino";

// One logging surface for every package: @tesseract/config's `Logger`, which pino satisfies.
export type { Logger } from "@tesseract/config";

/** Structured JSON logs; secrets that could ride on a logged request never reach the output. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    base: { service: "tesseract" },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "headers.authorization",
        "headers.cookie",
        "*.password",
        "*.token",
      ],
      censor: "[redacted]",
    },
  });
}
