import { register, supportsSyncHooks } from "import-in-the-middle/register-hooks.mjs";

/**
 * Imported before the application when tracing is on (the server's and worker's main.ts): an
 * in-thread module hook (import-in-the-middle on `module.registerHooks`) lets the library
 * instrumentations patch modules however they are loaded, then registers them. Only the
 * instrumented libraries pass through the hook, so the rest of start-up pays nothing; without
 * tracing this file is never loaded.
 */
const INSTRUMENTED = [
  "pg",
  "pg-pool",
  "ioredis",
  "@smithy/core",
  "@smithy/middleware-stack",
  "@smithy/smithy-client",
  "@aws-sdk/middleware-stack",
  "@aws-sdk/smithy-client",
  "http",
  "https",
];
// Node 22.18–22.22.2 and 24.0–24.11.0 lack the synchronous hooks' nullish-source support;
// there, require-in-the-middle alone patches the CommonJS libraries (all of the above).
if (supportsSyncHooks()) register({ include: INSTRUMENTED });
const { registerLibraryInstrumentations } = await import("./instrument.ts");
registerLibraryInstrumentations();
