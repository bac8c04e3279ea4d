// Bundles the SDK's declarations into dist/index.d.ts (how: see declarations.ts).
import { bundleDeclarations } from "./declarations.ts";

await bundleDeclarations();
