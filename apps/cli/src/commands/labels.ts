import type { RouterOutputs } from "@tesseract/client";
import { Option, type Command } from "commander";
import { action } from "../action.ts";
import { CliError } from "../errors.ts";
import { print, table } from "../output.ts";
import { connect, resolveOrg, type Session } from "../session.ts";

type Label = RouterOutputs["label"]["list"][number];

// The server names the palette when a colour is not in it.
const colourOption = () =>
  new Option("--colour <colour>", "the label's colour: gray, red, orange, amber, green, … pink");

/** The organization's labels named `names` (case aside), in order; an unknown name is an error. */
export async function resolveLabels(
  session: Session,
  orgId: string,
  names: readonly string[],
): Promise<Label[]> {
  const labels = await session.client.label.list.query({ orgId });
  return names.map((name) => {
    const wanted = name.trim().toLowerCase();
    const label = labels.find((l) => l.name.toLowerCase() === wanted || l.id === name.trim());
    if (!label)
      throw new CliError(
        `No label "${name}" here: run \`tesseract labels\` to list them, \`tesseract labels create\` to add one.`,
      );
    return label;
  });
}

export function registerLabels(program: Command): void {
  const labels = program
    .command("labels")
    .description("the organization's labels")
    .action(
      action<[], object>(async (options) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const list = await session.client.label.list.query({ orgId: org.id });
        print(options, list, () =>
          table([
            ["NAME", "COLOUR", "TASKS"],
            ...list.map((l) => [l.name, l.colour, String(l.taskCount)]),
          ]),
        );
      }),
    );

  labels
    .command("create <name>")
    .description("define a label")
    .addOption(colourOption())
    .action(
      action<[string], { colour?: Label["colour"] }>(async (options, name) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const label = await session.client.label.create.mutate({
          orgId: org.id,
          name,
          ...(options.colour && { colour: options.colour }),
        });
        print(options, label, () => [`Created label ${label.name} (${label.colour})`]);
      }),
    );

  labels
    .command("update <label>")
    .description("rename or recolour a label (every task shows the change)")
    .option("--name <name>", "the new name")
    .addOption(colourOption())
    .action(
      action<[string], { name?: string; colour?: Label["colour"] }>(async (options, ref) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const [label] = await resolveLabels(session, org.id, [ref]);
        const updated = await session.client.label.update.mutate({
          orgId: org.id,
          labelId: label!.id,
          ...(options.name !== undefined && { name: options.name }),
          ...(options.colour && { colour: options.colour }),
        });
        print(options, updated, () => [`Updated label ${updated.name} (${updated.colour})`]);
      }),
    );

  labels
    .command("delete <label>")
    .description("delete a label (the tasks carrying it lose it)")
    .action(
      action<[string], object>(async (options, ref) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const [label] = await resolveLabels(session, org.id, [ref]);
        const result = await session.client.label.delete.mutate({
          orgId: org.id,
          labelId: label!.id,
        });
        print(options, result, () => [`Deleted label ${label!.name}`]);
      }),
    );
}
