import { defineConfig } from "tsdown";

// The JavaScript build. Workspace code (constants from @tesseract/validators) is bundled in, so
// the tarball needs no monorepo; the types are bundled by scripts/build-types.ts.
export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "node",
  target: "node22",
  outDir: "dist",
  dts: false,
  clean: false,
  deps: { alwaysBundle: [/^@tesseract\//] },
});
