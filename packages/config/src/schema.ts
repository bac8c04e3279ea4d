import { DEFAULT_MAX_BATCH_SIZE } from "@tesseract/validators/constants";
import { isIP } from "node:net";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);
const optionalUrl = z.url().optional();
const positiveInt = z.coerce.number().int().positive();

/** "10.1.2.3", "::1", or a range: "10.0.0.0/8", "fd00::/8". */
function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  return prefix >= 0 && prefix <= (version === 4 ? 32 : 128);
}

const origin = z.string().transform((value, ctx) => {
  try {
    return new URL(value).origin;
  } catch {
    ctx.addIssue({
      code: "custom",
      message: `expected an origin such as https://app.example.com, got "${value}"`,
    });
    return z.NEVER;
  }
});

/**
 * Every environment variable Tesseract reads. Empty strings count as unset so that a
 * `.env` copied from `.env.example` with blank service URLs selects the embedded mode.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port.default(4000),
  /** Port of the web app; the default PUBLIC_URL follows it. */
  WEB_PORT: port.default(3000),
  /** Defaults to http://localhost:<WEB_PORT>. */
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? value
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(origin)),
  DATA_DIR: z.string().min(1).default(".data"),

  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: positiveInt.max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt.max(60_000).default(5_000),
  /** A streaming replica of DATABASE_URL: reads that may lag (lists, search) go there. */
  DATABASE_REPLICA_URL: optionalUrl,

  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().min(1).default("tesseract:"),

  AWS_ENDPOINT_URL: optionalUrl,
  /** The S3 endpoint browsers reach, for presigned URLs (defaults to AWS_ENDPOINT_URL). */
  S3_PUBLIC_ENDPOINT_URL: optionalUrl,
  AWS_REGION: z.string().min(1).default("us-east-1"),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** true: real AWS through the SDK's default credential chain (instance or task role, profile). */
  AWS_DEFAULT_CREDENTIALS: z.enum(["true", "false"]).default("false"),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)",
    )
    .default("tesseract"),
  SQS_QUEUE_NAME: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,76}$/,
      "expected an SQS queue name (letters, digits, - and _; the -dlq suffix is added)",
    )
    .default("tesseract-jobs"),
  EMULATOR_PORT: port.default(4566),

  SESSION_IDLE_HOURS: positiveInt.max(24 * 90).default(24 * 7),
  SESSION_MAX_AGE_HOURS: positiveInt.max(24 * 365).default(24 * 30),
  TRUSTED_PROXIES: z
    .string()
    .default("127.0.0.1,::1,::ffff:127.0.0.1")
    .transform((value) =>
      value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            isAddressOrRange,
            "expected an IP address or a CIDR range such as 10.0.0.0/8 (peers are matched by address)",
          ),
      ),
    ),

  SMTP_URL: z.url().optional(),
  /** smtp: send over SMTP_URL; log: write each email, links included, to the server log. */
  MAIL_TRANSPORT: z.enum(["smtp", "log"]).optional(),
  DEV_INBOX: z.enum(["true", "false"]).optional(),
  MAIL_FROM: z.string().min(3).default("Tesseract <no-reply@tesseract.localhost>"),

  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: positiveInt.default(10),
  RATE_LIMIT_SIGN_IN_PER_IP: positiveInt.default(50),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(900),
  RATE_LIMIT_READS_PER_MINUTE: positiveInt.default(1_200),
  RATE_LIMIT_WRITES_PER_MINUTE: positiveInt.default(240),
  RATE_LIMIT_SEARCHES_PER_MINUTE: positiveInt.default(120),
  RATE_LIMIT_VERIFICATION_EMAILS_PER_HOUR: positiveInt.default(5),
  RATE_LIMIT_ORG_CREATES_PER_HOUR: positiveInt.default(20),
  RATE_LIMIT_EXPORTS_PER_HOUR: positiveInt.default(30),
  CACHE_TTL_SECONDS: positiveInt.max(3_600).default(60),
  CACHE_ENABLED: z.enum(["true", "false"]).default("true"),
  /** How long an instance may remember a caller's session, token and roles (0: not at all). */
  AUTH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(60).default(5),

  /** Largest attachment, in bytes (the presigned POST's policy and `complete` both enforce it). */
  ATTACHMENT_MAX_BYTES: positiveInt.max(5 * 1024 ** 3).default(10 * 1024 ** 2),
  /** Content types an attachment may have (comma-separated media types). */
  ATTACHMENT_ALLOWED_TYPES: z
    .string()
    .default(
      "image/png,image/jpeg,image/gif,image/webp,application/pdf,application/zip,text/plain,text/csv",
    )
    .transform((value) =>
      value
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.string().regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, "expected media types like image/png"),
        )
        .min(1),
    ),
  /** Bytes of attachments (ready or being uploaded) one organization may hold. */
  ATTACHMENT_ORG_QUOTA_BYTES: positiveInt.default(1024 ** 3),
  ATTACHMENT_UPLOAD_URL_SECONDS: positiveInt.max(3_600).default(300),
  ATTACHMENT_DOWNLOAD_URL_SECONDS: positiveInt.max(3_600).default(60),
  /** An upload not completed this long after it was started is deleted by the cleanup job. */
  ATTACHMENT_STALE_AFTER_MINUTES: positiveInt.max(7 * 24 * 60).default(60),

  API_ADAPTER: z.enum(["lean", "stock"]).default("lean"),
  API_MAX_BATCH_SIZE: positiveInt.max(100).default(DEFAULT_MAX_BATCH_SIZE),
  API_MAX_BODY_BYTES: positiveInt.default(1_048_576),
  API_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  API_HEADERS_TIMEOUT_MS: positiveInt.max(10_000).default(10_000),
  /**
   * Longer than any proxy in front keeps an idle connection to reuse it (the web app's /trpc
   * proxy keeps its idle sockets with no limit of its own; load balancers, 60 s): a proxy that
   * sends a request on a connection this server is just closing gets a reset, and answers 500.
   */
  API_KEEP_ALIVE_TIMEOUT_MS: positiveInt.max(120_000).default(65_000),
  API_MAX_CONNECTIONS: positiveInt.default(2_048),
  API_SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_PORT: port.default(9464),
  /** An OTLP/HTTP collector (http://otel-collector:4318): traces are exported there when set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** true: no tracing at all (OpenTelemetry's own switch), the /dev traces included. */
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).default("false"),
  /**
   * The share of new traces recorded, 0–1 (OpenTelemetry's parent-based trace-id ratio
   * sampler's argument). Unset: 0.1 in production, 1 elsewhere (the /dev dashboard shows all).
   */
  OTEL_TRACES_SAMPLER_ARG: z.coerce
    .number({ error: "OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1" })
    .min(0, "OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1")
    .max(1, "OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1")
    .optional(),
  /**
   * The most new traces one process starts a second, on top of the ratio (a token bucket;
   * a caller's `traceparent` is still followed). Unset: 10 in production, no cap elsewhere.
   */
  TRACING_MAX_PER_SECOND: z.coerce
    .number({ error: "TRACING_MAX_PER_SECOND must be a number of traces a second above 0" })
    .positive("TRACING_MAX_PER_SECOND must be a number of traces a second above 0")
    .max(1_000_000, "TRACING_MAX_PER_SECOND must be at most 1000000")
    .optional(),

  LIVE_MAX_CONNECTIONS_PER_PERSON: positiveInt.max(1_000).default(20),
  LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: positiveInt.max(1_000).default(20),
  LIVE_MAX_MESSAGE_BYTES: positiveInt.max(16_777_216).default(65_536),
  LIVE_MAX_BUFFERED_BYTES: positiveInt.max(268_435_456).default(1_048_576),
  LIVE_HEARTBEAT_MS: positiveInt.min(1_000).max(300_000).default(15_000),
  LIVE_REPLAY_LENGTH: positiveInt.max(1_000_000).default(1_000),

  WORKER_CONCURRENCY: positiveInt.max(100).default(4),
  WORKER_MAX_RECEIVES: positiveInt.max(1_000).default(5),
  WORKER_VISIBILITY_TIMEOUT_SECONDS: positiveInt.max(43_200).default(60),
  WORKER_SHUTDOWN_TIMEOUT_MS: positiveInt.max(600_000).default(25_000),
  WORKER_HEALTH_PORT: port.default(9465),
});

export type Env = z.infer<typeof envSchema>;
