import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as delay } from "node:timers/promises";
import { Option, type Command } from "commander";
import { action } from "../action.ts";
import { CliError } from "../errors.ts";
import { print } from "../output.ts";
import { progressBar } from "../progress.ts";
import { connect, resolveOrg, resolveProject } from "../session.ts";

/** How often the export's progress is read while it runs. */
const POLL_MS = 500;

export function registerExport(program: Command): void {
  program
    .command("export <project>")
    .description("export a project's tasks, wait for the file (with progress), then download it")
    .addOption(
      new Option("--format <format>", "file format").choices(["csv", "json"]).default("csv"),
    )
    .option("--output <file>", "where to write it (by default its own name, here)")
    .action(
      action<[string], { format: "csv" | "json"; output?: string }>(async (options, ref) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const project = await resolveProject(session, org.id, ref);
        const { client } = session;
        let view = await client.project.export.mutate({
          orgId: org.id,
          projectId: project.id,
          format: options.format,
        });
        const bar = progressBar(options, `Exporting ${project.key}`, view.rowsTotal ?? 1);
        try {
          while (view.status === "queued" || view.status === "running") {
            await delay(POLL_MS);
            view = await client.export.get.query({ orgId: org.id, exportId: view.id });
            bar.update(view.rowsDone, view.rowsTotal ?? undefined);
          }
        } finally {
          bar.stop();
        }
        if (view.status === "failed") {
          throw new CliError(`The export failed: ${view.error ?? "no reason given"}.`);
        }
        const link = await client.export.download.mutate({ orgId: org.id, exportId: view.id });
        const file = options.output ?? link.fileName;
        const response = await fetch(link.url);
        if (!response.ok || !response.body) {
          throw new CliError(`Downloading the export failed (HTTP ${response.status}); try again.`);
        }
        await pipeline(Readable.fromWeb(response.body), createWriteStream(file));
        print(options, { ...view, file }, () => [
          `Exported ${view.rowsDone} tasks of ${project.key} to ${file}`,
        ]);
      }),
    );
}
