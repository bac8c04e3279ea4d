import { writePgliteTemplate } from "../pglite-template.ts";

// `pnpm build` in this package: the migrated PGlite data directory new embedded databases copy.
const started = performance.now();
const file = await writePgliteTemplate();
process.stdout.write(
  `PGlite template written to ${file} in ${Math.round(performance.now() - started)} ms\n`,
);
