import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { z } from "zod";
import { workspaceRoot } from "./paths.ts";
import { EXAMPLE_SECRETS, envSchema, type Env } from "./schema.ts";

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
    /** Origins allowed to call the API from a browser (always includes the public URL's origin). */
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
  /** The internal listener serving /metrics; undefined when METRICS_PORT is 0. */
  metrics: { host: string; port: number } | undefined;
  /** Absolute path for embedded-mode state (PGlite data). */
  dataDir: string;
  database: { url: string | undefined; poolMax: number; connectTimeoutMs: number };
  redis: { url: string | undefined; keyPrefix: string };
  aws: {
    /** undefined with credentials set means real AWS; undefined without them means the embedded emulator. */
    endpoint: string | undefined;
    useEmulator: boolean;
    emulatorPort: number;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    bucket: string;
    queueName: string;
    deadLetterQueueName: string;
  };
  sessionSecret: string;
  sessions: { idleMs: number; absoluteMs: number; cookieName: string; secureCookie: boolean };
  /** Peers whose X-Forwarded-For is believed (the web app's server proxying /trpc). */
  trustedProxies: string[];
  mail: {
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
    perHour: { verificationEmail: number; orgCreate: number };
  };
  cache: { enabled: boolean; ttlSeconds: number };
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

/** Parses an environment record. Pure: tests pass their own record. */
export function parseConfig(
  source: Record<string, string | undefined>,
  options: { embeddedSecret: (dataDir: string) => string } = { embeddedSecret: readOrCreateSecret },
): Config {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(describeIssues(result.error));
  const env = result.data;

  const isProduction = env.NODE_ENV === "production";
  const useEmulator = !env.AWS_ENDPOINT_URL && !env.AWS_ACCESS_KEY_ID;
  const embedded = [!env.DATABASE_URL, !env.REDIS_URL, useEmulator];
  const mode: ServiceMode = embedded.every(Boolean)
    ? "embedded"
    : embedded.some(Boolean)
      ? "mixed"
      : "services";
  const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(workspaceRoot, env.DATA_DIR);

  const problems: { variable: string; problem: string }[] = [];
  if (isProduction) {
    for (const [name, example] of Object.entries(EXAMPLE_SECRETS)) {
      if (env[name as keyof typeof EXAMPLE_SECRETS] === example) {
        problems.push({
          variable: name,
          problem: "still the example value; set a random secret (openssl rand -hex 32)",
        });
      }
    }
  }
  let sessionSecret = env.SESSION_SECRET;
  if (!sessionSecret) {
    if (!isProduction) sessionSecret = EXAMPLE_SECRETS.SESSION_SECRET;
    // A production build on the embedded default is one machine's private trial: it keeps a
    // random secret of its own beside its data instead of refusing to start.
    else if (mode === "embedded") sessionSecret = options.embeddedSecret(dataDir);
    else
      problems.push({
        variable: "SESSION_SECRET",
        problem: "required in production (openssl rand -hex 32)",
      });
  }
  if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
    problems.push({
      variable: env.AWS_ACCESS_KEY_ID ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID",
      problem: "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither",
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicOrigin = new URL(env.PUBLIC_URL).origin;
  const isHttps = new URL(env.PUBLIC_URL).protocol === "https:";

  return {
    env: env.NODE_ENV,
    isProduction,
    logLevel: env.LOG_LEVEL,
    mode,
    server: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL,
      corsOrigins: [...new Set([publicOrigin, ...env.CORS_ORIGINS])],
      adapter: env.API_ADAPTER,
      maxBatchSize: env.API_MAX_BATCH_SIZE,
      maxBodyBytes: env.API_MAX_BODY_BYTES,
      requestTimeoutMs: env.API_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: Math.min(env.API_HEADERS_TIMEOUT_MS, env.API_REQUEST_TIMEOUT_MS),
      keepAliveTimeoutMs: env.API_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.API_MAX_CONNECTIONS,
      shutdownTimeoutMs: env.API_SHUTDOWN_TIMEOUT_MS,
    },
    metrics:
      env.METRICS_PORT === 0 ? undefined : { host: env.METRICS_HOST, port: env.METRICS_PORT },
    dataDir,
    database: {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    aws: {
      endpoint: useEmulator ? `http://127.0.0.1:${env.EMULATOR_PORT}` : env.AWS_ENDPOINT_URL,
      useEmulator,
      emulatorPort: env.EMULATOR_PORT,
      region: env.AWS_REGION,
      credentials:
        env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
          : useEmulator || env.AWS_ENDPOINT_URL
            ? { accessKeyId: "test", secretAccessKey: "test" }
            : undefined,
      bucket: env.S3_BUCKET,
      queueName: env.SQS_QUEUE_NAME,
      deadLetterQueueName: `${env.SQS_QUEUE_NAME}-dlq`,
    },
    sessionSecret: sessionSecret ?? "",
    sessions: {
      idleMs: env.SESSION_IDLE_HOURS * 3_600_000,
      absoluteMs: env.SESSION_MAX_AGE_HOURS * 3_600_000,
      // __Host- binds the cookie to this exact origin over https (no Domain, Path=/, Secure).
      cookieName: isHttps ? "__Host-tesseract_session" : "tesseract_session",
      secureCookie: isHttps,
    },
    trustedProxies: env.TRUSTED_PROXIES,
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      devInbox:
        !isProduction &&
        !env.SMTP_URL &&
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
      },
    },
    cache: { enabled: env.CACHE_ENABLED === "true", ttlSeconds: env.CACHE_TTL_SECONDS },
  };
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

/** The embedded mode's own session secret: made once, kept (owner-only) under the data folder. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return readFileSync(file, "utf8").trim();
    throw error;
  }
  return secret;
}
