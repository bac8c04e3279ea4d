import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@tesseract/validators/constants";
import type { z } from "zod";
import { workspaceRoot } from "./paths.ts";
import { envSchema, type Env } from "./schema.ts";

/**
 * In production, the share of new traces recorded when OTEL_TRACES_SAMPLER_ARG is unset: enough
 * traces to follow any busy procedure, at a tenth of the cost of recording every request.
 */
export const DEFAULT_PRODUCTION_SAMPLE_RATIO = 0.1;

/**
 * In production, the most new traces one process starts a second when TRACING_MAX_PER_SECOND
 * is unset. The ratio decides on a quiet server (below 100 requests a second at 0.1); on a busy
 * one the cap keeps tracing's cost flat (bench/README.md, "What tracing costs") while still
 * sampling 36,000 traces an hour from every process.
 */
export const DEFAULT_PRODUCTION_TRACES_PER_SECOND = 10;

/** How each backing service is reached: in-process stand-ins, or real servers. */
export type ServiceMode = "embedded" | "services" | "mixed";

export interface Config {
  env: Env["NODE_ENV"];
  isProduction: boolean;
  logLevel: Env["LOG_LEVEL"];
  mode: ServiceMode;
  server: {
    host: string;
    port: number;
    publicUrl: string;
    /**
     * Origins allowed to call the API from a browser: the public URL's origin, CORS_ORIGINS, and
     * in development the loopback alias of a loopback public URL (localhost and 127.0.0.1).
     */
    corsOrigins: string[];
    /** How /trpc is served: the lean adapter, or tRPC's stock one (for comparison and debugging). */
    adapter: "lean" | "stock";
    maxBatchSize: number;
    maxBodyBytes: number;
    /** Receiving a whole request (headers and body) may take at most this long. */
    requestTimeoutMs: number;
    /** Receiving a request's headers may take at most this long (slow-header clients). */
    headersTimeoutMs: number;
    keepAliveTimeoutMs: number;
    /** Open connections at most; further ones are closed as they arrive. */
    maxConnections: number;
    shutdownTimeoutMs: number;
  };
  jobs: {
    /**
     * Whether the outbox relay and the job consumer run inside the API server: when any
     * single-process stand-in is in use (PGlite, the in-process emulator), a separate worker
     * could not share it.
     */
    inProcess: boolean;
    concurrency: number;
    /** Receives before a message goes to the dead-letter queue (the queue's redrive policy). */
    maxReceiveCount: number;
    visibilityTimeoutSeconds: number;
    /** On SIGTERM, how long running jobs may take before they are handed back. */
    shutdownTimeoutMs: number;
    /** The worker's internal /healthz and /metrics listener; undefined when 0. */
    healthPort: number | undefined;
  };
  /** The internal listener serving /metrics; undefined when METRICS_PORT is 0. */
  metrics: { host: string; port: number } | undefined;
  tracing: {
    /** OTEL_EXPORTER_OTLP_ENDPOINT: where spans are exported over OTLP/HTTP. */
    otlpEndpoint: string | undefined;
    /**
     * The development dashboard (`/dev`): recent traces kept in memory and the `dev.*`
     * procedures that show them. Never in production.
     */
    devDashboard: boolean;
    /**
     * OTEL_TRACES_SAMPLER_ARG: the share of new traces recorded (a request carrying a
     * `traceparent`, and the jobs a traced request enqueued, follow their parent's decision).
     */
    sampleRatio: number;
    /** TRACING_MAX_PER_SECOND: the most new traces a second; undefined: no cap. */
    maxPerSecond: number | undefined;
    /**
     * Whether the process records spans at all: a collector is set, or the dashboard is on,
     * and OTEL_SDK_DISABLED is not "true".
     */
    enabled: boolean;
  };
  /**
   * Whether any signed-in person may load the demo organization (and become its owner): only
   * where that harms no one — the embedded default (one machine's trial, `pnpm dev` or
   * `pnpm start` alike) and tests. Never on real services outside tests.
   */
  demoData: boolean;
  /** Absolute path for embedded-mode state (PGlite data). */
  dataDir: string;
  database: {
    url: string | undefined;
    /** A streaming replica for lag-tolerant reads; undefined: every read goes to `url`. */
    replicaUrl: string | undefined;
    poolMax: number;
    connectTimeoutMs: number;
  };
  redis: { url: string | undefined; keyPrefix: string };
  aws: {
    /** undefined with credentials set means real AWS; undefined without them means the embedded emulator. */
    endpoint: string | undefined;
    /**
     * The S3 endpoint presigned URLs name, for browsers: set when the server reaches S3 at an
     * address browsers cannot (a container network); undefined means `endpoint`.
     */
    publicEndpoint: string | undefined;
    useEmulator: boolean;
    emulatorPort: number;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    bucket: string;
    queueName: string;
    deadLetterQueueName: string;
  };
  sessions: { idleMs: number; absoluteMs: number; cookieName: string; secureCookie: boolean };
  /** Peers whose X-Forwarded-For is believed (the web app's server proxying /trpc). */
  trustedProxies: string[];
  mail: {
    /**
     * smtp: sent over smtpUrl. log: written to the server log, links included (chosen with
     * MAIL_TRANSPORT=log, or a production build on the embedded default). memory: kept in
     * memory for the development inbox.
     */
    transport: "smtp" | "log" | "memory";
    smtpUrl: string | undefined;
    from: string;
    /**
     * Keep unsent mail readable at dev.inbox: it holds password-reset links, so it is on only
     * for the embedded mode and tests, never in production or with SMTP, unless DEV_INBOX=true.
     */
    devInbox: boolean;
  };
  rateLimits: {
    signInPerAccount: number;
    signInPerIp: number;
    windowSeconds: number;
    /** Per user or token, per minute, by procedure class. */
    perMinute: { read: number; write: number; search: number };
    /** Per user, per hour: actions that send email or create tenants. */
    perHour: { verificationEmail: number; orgCreate: number; export: number };
  };
  cache: { enabled: boolean; ttlSeconds: number };
  /** The in-process cache of callers (sessions, tokens, roles); ttlSeconds 0 turns it off. */
  authCache: { ttlSeconds: number };
  /** Live updates (subscriptions over WebSocket and SSE). */
  live: {
    /** Open live connections (WebSocket or SSE stream) one person may hold on one instance. */
    maxConnectionsPerPerson: number;
    maxSubscriptionsPerConnection: number;
    /** Largest message a WebSocket client may send. */
    maxMessageBytes: number;
    /** A client whose unread bytes exceed this is dropped ("too slow"), never buffered further. */
    maxBufferedBytes: number;
    /** WebSocket ping interval; a WebSocket that misses its pong this long is closed. */
    heartbeatMs: number;
    /** Events kept per organization (and per person) for reconnecting clients. */
    replayLength: number;
  };
  attachments: {
    maxBytes: number;
    allowedTypes: string[];
    orgQuotaBytes: number;
    /** How long a presigned upload (POST) and download (GET) stay valid. */
    uploadUrlSeconds: number;
    downloadUrlSeconds: number;
    /** Pending uploads older than this are abandoned: the cleanup deletes them. */
    staleAfterMs: number;
  };
}

/** Thrown when the environment is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  readonly issues: { variable: string; problem: string }[];

  constructor(issues: { variable: string; problem: string }[]) {
    const lines = issues.map((i) => `  ${i.variable}: ${i.problem}`);
    super(
      `Invalid configuration (fix these environment variables, see .env.example):\n${lines.join("\n")}`,
    );
    this.name = "ConfigError";
    this.issues = issues;
  }
}

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1"];

/**
 * The same origin under the other loopback names: a developer opens `pnpm dev` at
 * http://127.0.0.1:3000 as often as at http://localhost:3000, and the browser sends whichever it
 * used as Origin. Both name this machine, so accepting either in development lets no other site
 * in; production keeps to PUBLIC_URL exactly.
 */
function loopbackAliases(origin: string): string[] {
  const { hostname } = new URL(origin);
  if (!LOOPBACK_HOSTS.includes(hostname)) return [];
  return LOOPBACK_HOSTS.filter((host) => host !== hostname).map((host) => {
    const alias = new URL(origin);
    alias.hostname = host;
    return alias.origin;
  });
}

/** Parses an environment record. Pure: tests pass their own record. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(describeIssues(result.error));
  const env = result.data;

  const isProduction = env.NODE_ENV === "production";
  const defaultCredentials = env.AWS_DEFAULT_CREDENTIALS === "true";
  const useEmulator = !env.AWS_ENDPOINT_URL && !env.AWS_ACCESS_KEY_ID && !defaultCredentials;
  const embedded = [!env.DATABASE_URL, !env.REDIS_URL, useEmulator];
  const mode: ServiceMode = embedded.every(Boolean)
    ? "embedded"
    : embedded.some(Boolean)
      ? "mixed"
      : "services";
  const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(workspaceRoot, env.DATA_DIR);

  const problems: { variable: string; problem: string }[] = [];
  if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
    problems.push({
      variable: env.AWS_ACCESS_KEY_ID ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID",
      problem: "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither",
    });
  }
  const transport = mailTransport(env, isProduction, mode);
  if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
    problems.push({ variable: "SMTP_URL", problem: "required when MAIL_TRANSPORT=smtp" });
  } else if (isProduction && transport === "memory") {
    // Production on real services serves real people: an invitation or a password reset that
    // silently goes nowhere is a bug, so say so at start-up instead.
    problems.push({
      variable: "SMTP_URL",
      problem:
        "required in production on real services to send invitations, verification and password-reset emails (smtp://user:pass@host:587); or set MAIL_TRANSPORT=log to write them, links included, to the server log",
    });
  }
  if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) {
    problems.push({
      variable: "DATABASE_REPLICA_URL",
      problem: "a replica needs its primary: set DATABASE_URL too",
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.WEB_PORT}`;
  const publicOrigin = new URL(publicUrl).origin;
  const isHttps = new URL(publicUrl).protocol === "https:";

  return {
    env: env.NODE_ENV,
    isProduction,
    logLevel: env.LOG_LEVEL,
    mode,
    server: {
      host: env.HOST,
      port: env.PORT,
      publicUrl,
      corsOrigins: [
        ...new Set([
          publicOrigin,
          ...(env.NODE_ENV === "development" ? loopbackAliases(publicOrigin) : []),
          ...env.CORS_ORIGINS,
        ]),
      ],
      adapter: env.API_ADAPTER,
      maxBatchSize: env.API_MAX_BATCH_SIZE,
      maxBodyBytes: env.API_MAX_BODY_BYTES,
      requestTimeoutMs: env.API_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: Math.min(env.API_HEADERS_TIMEOUT_MS, env.API_REQUEST_TIMEOUT_MS),
      keepAliveTimeoutMs: env.API_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.API_MAX_CONNECTIONS,
      shutdownTimeoutMs: env.API_SHUTDOWN_TIMEOUT_MS,
    },
    jobs: {
      inProcess: !env.DATABASE_URL || useEmulator,
      concurrency: env.WORKER_CONCURRENCY,
      maxReceiveCount: env.WORKER_MAX_RECEIVES,
      visibilityTimeoutSeconds: env.WORKER_VISIBILITY_TIMEOUT_SECONDS,
      shutdownTimeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS,
      healthPort: env.WORKER_HEALTH_PORT === 0 ? undefined : env.WORKER_HEALTH_PORT,
    },
    metrics:
      env.METRICS_PORT === 0 ? undefined : { host: env.METRICS_HOST, port: env.METRICS_PORT },
    tracing: {
      otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      devDashboard: !isProduction,
      sampleRatio:
        env.OTEL_TRACES_SAMPLER_ARG ?? (isProduction ? DEFAULT_PRODUCTION_SAMPLE_RATIO : 1),
      maxPerSecond:
        env.TRACING_MAX_PER_SECOND ??
        (isProduction ? DEFAULT_PRODUCTION_TRACES_PER_SECOND : undefined),
      enabled:
        env.OTEL_SDK_DISABLED === "false" &&
        (!isProduction || env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined),
    },
    demoData: mode === "embedded" || env.NODE_ENV === "test",
    dataDir,
    database: {
      url: env.DATABASE_URL,
      replicaUrl: env.DATABASE_REPLICA_URL,
      poolMax: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    aws: {
      endpoint: useEmulator ? `http://127.0.0.1:${env.EMULATOR_PORT}` : env.AWS_ENDPOINT_URL,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT_URL,
      useEmulator,
      emulatorPort: env.EMULATOR_PORT,
      region: env.AWS_REGION,
      credentials:
        env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
          : defaultCredentials
            ? undefined
            : { accessKeyId: "test", secretAccessKey: "test" },
      bucket: env.S3_BUCKET,
      queueName: env.SQS_QUEUE_NAME,
      deadLetterQueueName: `${env.SQS_QUEUE_NAME}-dlq`,
    },
    sessions: {
      idleMs: env.SESSION_IDLE_HOURS * 3_600_000,
      absoluteMs: env.SESSION_MAX_AGE_HOURS * 3_600_000,
      cookieName: isHttps ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
      secureCookie: isHttps,
    },
    trustedProxies: env.TRUSTED_PROXIES,
    live: {
      maxConnectionsPerPerson: env.LIVE_MAX_CONNECTIONS_PER_PERSON,
      maxSubscriptionsPerConnection: env.LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxMessageBytes: env.LIVE_MAX_MESSAGE_BYTES,
      maxBufferedBytes: env.LIVE_MAX_BUFFERED_BYTES,
      heartbeatMs: env.LIVE_HEARTBEAT_MS,
      replayLength: env.LIVE_REPLAY_LENGTH,
    },
    mail: {
      transport,
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      devInbox:
        !isProduction &&
        transport === "memory" &&
        (env.DEV_INBOX === "true" ||
          (env.DEV_INBOX === undefined && (mode === "embedded" || env.NODE_ENV === "test"))),
    },
    rateLimits: {
      signInPerAccount: env.RATE_LIMIT_SIGN_IN_PER_ACCOUNT,
      signInPerIp: env.RATE_LIMIT_SIGN_IN_PER_IP,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      perMinute: {
        read: env.RATE_LIMIT_READS_PER_MINUTE,
        write: env.RATE_LIMIT_WRITES_PER_MINUTE,
        search: env.RATE_LIMIT_SEARCHES_PER_MINUTE,
      },
      perHour: {
        verificationEmail: env.RATE_LIMIT_VERIFICATION_EMAILS_PER_HOUR,
        orgCreate: env.RATE_LIMIT_ORG_CREATES_PER_HOUR,
        export: env.RATE_LIMIT_EXPORTS_PER_HOUR,
      },
    },
    cache: { enabled: env.CACHE_ENABLED === "true", ttlSeconds: env.CACHE_TTL_SECONDS },
    authCache: { ttlSeconds: env.AUTH_CACHE_TTL_SECONDS },
    attachments: {
      maxBytes: env.ATTACHMENT_MAX_BYTES,
      allowedTypes: env.ATTACHMENT_ALLOWED_TYPES,
      orgQuotaBytes: env.ATTACHMENT_ORG_QUOTA_BYTES,
      uploadUrlSeconds: env.ATTACHMENT_UPLOAD_URL_SECONDS,
      downloadUrlSeconds: env.ATTACHMENT_DOWNLOAD_URL_SECONDS,
      // Never before the upload URL itself has expired: a slow upload must not lose its row.
      staleAfterMs: Math.max(
        env.ATTACHMENT_STALE_AFTER_MINUTES * 60_000,
        env.ATTACHMENT_UPLOAD_URL_SECONDS * 2_000,
      ),
    },
  };
}

/** Where email goes: SMTP when configured, the log when asked for, else memory (see Config.mail). */
function mailTransport(
  env: Env,
  isProduction: boolean,
  mode: ServiceMode,
): Config["mail"]["transport"] {
  if (env.MAIL_TRANSPORT) return env.MAIL_TRANSPORT;
  if (env.SMTP_URL) return "smtp";
  // `pnpm start` on the embedded default is one person's trial on their own machine: the log is
  // where they can read a verification or reset link (the development inbox is off in production).
  if (isProduction && mode === "embedded") return "log";
  return "memory";
}

function describeIssues(error: z.ZodError): { variable: string; problem: string }[] {
  return error.issues.map((issue) => {
    const [variable, ...rest] = issue.path.map(String);
    return {
      variable: variable ?? "(environment)",
      problem: rest.length > 0 ? `entry ${rest.join(".")}: ${issue.message}` : issue.message,
    };
  });
}

let cached: Config | undefined;

/**
 * The process configuration: `.env` at the repository root (if present, never overriding
 * real variables) plus the environment, parsed once. The only reader of process.env.
 */
export function loadConfig(): Config {
  if (cached) return cached;
  const envFile = join(workspaceRoot, ".env");
  // eslint-disable-next-line no-restricted-properties -- this module is the one reader of the environment
  const env = process.env;
  if (env.NODE_ENV !== "test" && existsSync(envFile)) process.loadEnvFile(envFile);
  cached = parseConfig(env);
  return cached;
}
