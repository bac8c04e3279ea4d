import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { lookup } from "mime-types";
import { action } from "../action.ts";
import { CliError } from "../errors.ts";
import { print } from "../output.ts";
import { progressBar } from "../progress.ts";
import { connect, resolveOrg } from "../session.ts";
import { postFile } from "../upload.ts";

export function registerAttach(program: Command): void {
  program
    .command("attach <task> <file>")
    .description("upload a file to a task (straight to storage), with a progress bar")
    .option("--type <media-type>", "the file's media type (by default from its extension)")
    .action(
      action<[string, string], { type?: string }>(async (options, ref, path) => {
        const info = await stat(path).catch(() => undefined);
        if (!info?.isFile()) throw new CliError(`No file at ${path}.`);
        const contentType = options.type ?? lookup(path);
        if (!contentType) {
          throw new CliError(
            `Cannot tell the type of ${path}: give it with --type (such as text/plain).`,
          );
        }
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const task = await session.client.task.get.query({ orgId: org.id, ref });
        const fileName = basename(path);
        const { attachmentId, upload } = await session.client.attachment.createUpload.mutate({
          orgId: org.id,
          taskId: task.id,
          fileName,
          contentType,
          size: info.size,
        });
        const bar = progressBar(options, `Uploading ${fileName}`, info.size);
        try {
          await postFile(upload, { path, size: info.size, contentType, name: fileName }, (sent) => {
            bar.update(sent);
          });
        } finally {
          bar.stop();
        }
        const attachment = await session.client.attachment.complete.mutate({
          orgId: org.id,
          attachmentId,
        });
        print(options, attachment, () => [`Attached ${fileName} to ${task.key}`]);
      }),
    );
}
