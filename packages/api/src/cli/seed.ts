import { withConfiguredDatabase } from "@tesseract/db";
import { DEMO_PASSWORD, seedDemo } from "../seed/demo.ts";

// `pnpm db:seed`: the demo organization on DATABASE_URL (or the embedded database). Idempotent.
const result = await withConfiguredDatabase((db) => seedDemo(db));
process.stdout.write(
  result.created
    ? `Seeded "Demo Company": ${result.tasks} tasks, ${result.comments} comments. Sign in as ada@demo.tesseract.dev / ${DEMO_PASSWORD}\n`
    : "The demo organization already exists; nothing to do.\n",
);
