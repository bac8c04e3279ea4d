import type { Config, Logger } from "@tesseract/config";
import { currentTraceId, logFields, type LogFields } from "@tesseract/telemetry";
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

const FIELDS = Symbol("tesseract.logFields");
type WithFields = Logger & { [FIELDS]?: LogFields };

/**
 * `logger`, writing `fields` on each of its lines (and its children's). The fields are read
 * when a line is written, so what a middleware adds later (the caller, the organization)
 * appears on the lines after. One allocation: no child logger, no AsyncLocalStorage scope.
 */
export function loggerWithFields(logger: Logger, fields: LogFields): Logger {
  const bound = Object.create(logger) as WithFields;
  bound[FIELDS] = fields;
  return bound;
}

/**
 * Structured JSON logs. Every line written while a request or a job runs carries its request
 * id, procedure, person and organization (and trace id when tracing is on): a request's from
 * its context's logger (`loggerWithFields`), a job's from its log scope (`withLogFields`); passwords, tokens, cookies and links are redacted wherever they sit
 * (`MAIL_TRANSPORT=log` writes an email's text, links included, on purpose).
 */
export function createLogger(
  config: Pick<Config, "logLevel">,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: "tesseract" },
    // pino passes the logger a line is written through: a request's carries its fields. A
    // fresh object each time, since pino merges the line's own fields into it.
    mixin(_object, _level, writer) {
      const traceId = currentTraceId();
      const fields = { ...logFields(), ...(writer as WithFields)[FIELDS] };
      return traceId ? { ...fields, traceId } : fields;
    },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
