import { createInterface } from "node:readline/promises";
import { createTesseractClient } from "@tesseract/client";
import type { Command } from "commander";
import { action } from "../action.ts";
import { forgetLogin, readLogin, writeLogin } from "../config-file.ts";
import { CliError } from "../errors.ts";
import { print, table } from "../output.ts";
import { connect, DEFAULT_URL } from "../session.ts";

async function askToken(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question("API token (tsr_…): ")).trim();
  } finally {
    rl.close();
  }
}

export function registerAccount(program: Command): void {
  program
    .command("login")
    .description("check an API token and keep it (with the server's URL) for later commands")
    .action(
      action(async (options) => {
        const url = options.url ?? (await readLogin())?.url ?? DEFAULT_URL;
        const token = options.token ?? (await askToken());
        if (!token) throw new CliError("No token given: pass --token, or paste one when asked.");
        const me = await createTesseractClient({ url, token }).auth.me.query();
        const file = await writeLogin({ url, token });
        print(options, { user: me.user, organizations: me.organizations, file }, () => [
          `Signed in to ${url} as ${me.user.name} <${me.user.email}>; the token is kept in ${file}.`,
        ]);
      }),
    );

  program
    .command("logout")
    .description("forget the token `tesseract login` kept")
    .action(
      action(async (options) => {
        await forgetLogin();
        print(options, { loggedOut: true }, () => ["The stored token is gone."]);
      }),
    );

  program
    .command("whoami")
    .description("who the token acts for, and in which organizations")
    .action(
      action(async (options) => {
        const me = await (await connect(options)).client.auth.me.query();
        print(options, me, () => [
          `${me.user.name} <${me.user.email}> (via ${me.via})`,
          ...me.organizations.map((o) => `  ${o.name} (${o.role})`),
        ]);
      }),
    );

  program
    .command("orgs")
    .description("the organizations open to the token")
    .action(
      action(async (options) => {
        const orgs = await (await connect(options)).client.org.list.query();
        print(options, orgs, () =>
          table([
            ["ID", "SLUG", "ROLE", "NAME"],
            ...orgs.map((o) => [o.id, o.slug, o.role, o.name]),
          ]),
        );
      }),
    );
}
