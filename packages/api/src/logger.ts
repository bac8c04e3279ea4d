import type { Config } from "@tesseract/config";
import { pino, type Logger } from "pino";

export type { Logger } from "pino";

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
