#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { registerAccount } from "./commands/account.ts";
import { registerAttach } from "./commands/attach.ts";
import { registerComment } from "./commands/comment.ts";
import { registerCompletion } from "./commands/completion.ts";
import { registerExport } from "./commands/export.ts";
import { registerLabels } from "./commands/labels.ts";
import { registerProjects } from "./commands/projects.ts";
import { registerStatuses } from "./commands/statuses.ts";
import { registerTasks } from "./commands/tasks.ts";
import { registerWatch } from "./commands/watch.ts";
import { describeError } from "./errors.ts";
import { DEFAULT_URL, type GlobalOptions } from "./session.ts";

const program = new Command("tesseract")
  .description(
    "The Tesseract command line: projects, tasks, comments, files, exports and live events.",
  )
  .version("0.1.0")
  .addOption(
    new Option("--url <url>", `the API server (default: the login's, or ${DEFAULT_URL})`).env(
      "TESSERACT_URL",
    ),
  )
  .addOption(
    new Option("--token <token>", "an API token (default: the login's)").env("TESSERACT_TOKEN"),
  )
  .addOption(
    new Option("--org <org>", "organization id, slug or name (default: your only one)").env(
      "TESSERACT_ORG",
    ),
  )
  .option("--json", "print JSON (errors too, on stderr)")
  .showHelpAfterError()
  .exitOverride();

registerAccount(program);
registerProjects(program);
registerStatuses(program);
registerTasks(program);
registerLabels(program);
registerComment(program);
registerAttach(program);
registerExport(program);
registerWatch(program);
registerCompletion(program);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const options = program.opts<GlobalOptions>();
  const message = describeError(error, options.url ?? DEFAULT_URL);
  process.stderr.write(
    options.json ? `${JSON.stringify({ error: message })}\n` : `tesseract: ${message}\n`,
  );
  process.exit(1);
}
