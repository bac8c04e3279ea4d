import { defineConfig } from "tsdown";

// One file with a shebang; the SDK's code is bundled in, so the tarball installs with npm alone.
export default defineConfig({
  entry: { tesseract: "src/main.ts" },
  format: "esm",
  platform: "node",
  target: "node22",
  outDir: "dist",
  dts: false,
  deps: { alwaysBundle: [/^@tesseract\//] },
});
