export { createApiServer } from "./server.ts";
export type { ApiAdapter, ApiServer, ApiServerOptions } from "./server.ts";
export { exitOnSignals, loadConfigOrExit, startServer } from "./start.ts";
export type { StartedServer } from "./start.ts";
