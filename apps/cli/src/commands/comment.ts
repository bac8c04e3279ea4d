import type { Command } from "commander";
import { action } from "../action.ts";
import { CliError } from "../errors.ts";
import { print } from "../output.ts";
import { connect, resolveOrg } from "../session.ts";

export function registerComment(program: Command): void {
  program
    .command("comment <task> [body]")
    .description("comment on a task (the body from the argument, or from stdin)")
    .action(
      action<[string, string | undefined], object>(async (options, ref, body) => {
        const text = body ?? (process.stdin.isTTY ? "" : await readStdin());
        if (text.trim() === "")
          throw new CliError("Nothing to say: give the comment as an argument or on stdin.");
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const task = await session.client.task.get.query({ orgId: org.id, ref });
        const comment = await session.client.comment.create.mutate({
          orgId: org.id,
          taskId: task.id,
          body: text,
        });
        print(options, comment, () => [`Commented on ${task.key}`]);
      }),
    );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
