export { createApiServer } from "./server.ts";
export type { ApiServer, ApiServerOptions } from "./server.ts";
export { exitOnSignals, loadConfigOrExit, startServer } from "./start.ts";
export type { StartedServer } from "./start.ts";
