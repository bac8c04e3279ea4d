import { testConfig } from "@tesseract/vitest-config";

export default testConfig();
