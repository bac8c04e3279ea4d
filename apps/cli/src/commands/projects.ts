import type { Command } from "commander";
import { action } from "../action.ts";
import { print, table } from "../output.ts";
import { connect, resolveOrg } from "../session.ts";

export function registerProjects(program: Command): void {
  program
    .command("projects")
    .description("the organization's projects")
    .option("--archived", "include archived projects")
    .action(
      action<[], { archived?: boolean }>(async (options) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const projects = await session.client.project.list.query({
          orgId: org.id,
          includeArchived: options.archived === true,
        });
        print(options, projects, () =>
          table([
            ["KEY", "OPEN", "NAME"],
            ...projects.map((p) => [p.key, String(p.openTasks), p.name]),
          ]),
        );
      }),
    );
}
