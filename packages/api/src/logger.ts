import type { Config, Logger } from "@tesseract/config";
import { currentTraceId, logFields } from "@tesseract/telemetry";
import { pino, type DestinationStream } from "pino";

// One logging surface for every package: @tesseract/config's `Logger`, which pino satisfies.
export type { Logger } from "@tesseract/config";

/**
 * Fields that hold a secret wherever they appear in a logged object, up to three levels deep
 * (`{ input: { password } }`, `{ err: { config: { headers: { authorization } } } }`): pino's
 * redaction takes explicit paths, one wildcard per segment.
 */
const SECRET_FIELDS = [
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "link",
];
export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `["${field}"]`;
  return [key.startsWith(".") ? field : key, `*${key}`, `*.*${key}`, `*.*.*${key}`];
});

/**
 * Structured JSON logs. Every line written while a request or a job runs carries its request
 * id, procedure, person and organization (and trace id when tracing is on), from the
 * request's log fields; passwords, tokens, cookies and links are redacted wherever they sit
 * (`MAIL_TRANSPORT=log` writes an email's text, links included, on purpose).
 */
export function createLogger(
  config: Pick<Config, "logLevel">,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: "tesseract" },
    mixin() {
      const traceId = currentTraceId();
      return traceId ? { ...logFields(), traceId } : logFields();
    },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
