import { testConfig } from "@tesseract/vitest-config";

export default testConfig({ globalSetup: ["test/global-setup.ts"] });
