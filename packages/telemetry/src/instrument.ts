import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { AwsInstrumentation } from "@opentelemetry/instrumentation-aws-sdk";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";

/**
 * The maintained instrumentations for the libraries a request touches: outgoing HTTP (the
 * AWS SDK's transport is covered by its own), PostgreSQL, Redis, S3 and SQS. They patch
 * modules as they load, so this runs before the application is imported (`preload.ts`).
 * Incoming HTTP is traced by the server itself (one span per request, cheaper than the
 * generic server instrumentation), and so are procedures and jobs.
 */
export function registerLibraryInstrumentations(): void {
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        disableIncomingRequestInstrumentation: true,
        requireParentforOutgoingSpans: true,
      }),
      // A span per pool checkout doubles the spans of every query and says little that
      // tesseract_db_pool_connections{state="waiting"} does not.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new AwsInstrumentation({ suppressInternalInstrumentation: true }),
    ],
  });
}
