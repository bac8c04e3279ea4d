export { ConfigError, loadConfig, parseConfig } from "./config.ts";
export { loadEmbeddedModule } from "./embedded.ts";
export type { EmbeddedModule } from "./embedded.ts";
export type { Config, ServiceMode } from "./config.ts";
export { silentLogger } from "./logger.ts";
export type { Logger } from "./logger.ts";
export { workspaceRoot } from "./paths.ts";
export { loadTestConfig } from "./test-config.ts";
export type { TestConfig } from "./test-config.ts";
