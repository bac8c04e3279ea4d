export { createLeanHandler, type LeanHandlerOptions, type NodeHandler } from "./handler.ts";
export {
  checkTrpcVersion,
  installedTrpcServerVersion,
  TESTED_TRPC_SERVER_VERSIONS,
  type VersionMismatch,
} from "./trpc-version.ts";
export { UNAVAILABLE_RETRY_AFTER_SECONDS, unavailableResponseMeta } from "./response.ts";
