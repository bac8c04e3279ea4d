import { register } from "node:module";

/**
 * `node --import @tesseract/telemetry/preload`: installs the ESM loader hook that lets the
 * library instrumentations patch modules loaded with `import` (import-in-the-middle), then
 * registers them. Loaded only when tracing is on (see apps/server's start script): the hook
 * costs module-loading time, and without tracing nothing is patched.
 */
register("@opentelemetry/instrumentation/hook.mjs", import.meta.url);
const { registerLibraryInstrumentations } = await import("./instrument.ts");
registerLibraryInstrumentations();
