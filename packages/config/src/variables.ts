/** Variables read outside the server's schema: the web app's, the tests', the browser tests'. */
export const OTHER_VARIABLES = [
  "API_URL",
  "TEST_DATABASE_URL",
  "TEST_REDIS_URL",
  "FUZZ_RUNS",
  "FUZZ_SEED",
  "CHROMIUM_PATH",
  "E2E_API_PORT",
  "E2E_WEB_PORT",
  "E2E_EMULATOR_PORT",
] as const;
