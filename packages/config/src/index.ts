export {
  ConfigError,
  DEFAULT_PRODUCTION_SAMPLE_RATIO,
  DEFAULT_PRODUCTION_TRACES_PER_SECOND,
  loadConfig,
  parseConfig,
} from "./config.ts";
export { loadEmbeddedModule } from "./embedded.ts";
export type { EmbeddedModule } from "./embedded.ts";
export type { Config, ServiceMode } from "./config.ts";
export { silentLogger } from "./logger.ts";
export type { Logger } from "./logger.ts";
export { workspaceRoot } from "./paths.ts";
export { freePort } from "./ports.ts";
export { envSchema } from "./schema.ts";
export type { Env } from "./schema.ts";
export { loadTestConfig } from "./test-config.ts";
export type { TestConfig } from "./test-config.ts";
