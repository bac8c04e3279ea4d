import { createTesseractClient, type RouterOutputs, type TesseractClient } from "@tesseract/client";
import { readLogin } from "./config-file.ts";
import { CliError } from "./errors.ts";

export const DEFAULT_URL = "http://localhost:4000";

/** The options every command takes (commander fills them from flags or TESSERACT_* variables). */
export interface GlobalOptions {
  url?: string;
  token?: string;
  org?: string;
  json?: boolean;
}

export interface Session {
  client: TesseractClient;
  url: string;
}

type Organization = RouterOutputs["org"]["list"][number];
type Project = RouterOutputs["project"]["list"][number];

/** A client from --token / TESSERACT_TOKEN, else the token `tesseract login` stored. */
export async function connect(options: GlobalOptions): Promise<Session> {
  const stored = await readLogin();
  const token = options.token ?? stored?.token;
  const url = options.url ?? stored?.url ?? DEFAULT_URL;
  if (!token) {
    throw new CliError(
      "Not signed in: run `tesseract login` with an API token (create one on your account page), or set TESSERACT_TOKEN.",
    );
  }
  return { client: createTesseractClient({ url, token }), url };
}

/** The organization named by --org / TESSERACT_ORG (id, slug or name), or the only one there is. */
export async function resolveOrg(session: Session, options: GlobalOptions): Promise<Organization> {
  const orgs = await session.client.org.list.query();
  const wanted = options.org?.trim().toLowerCase();
  if (wanted) {
    const org = orgs.find((o) => [o.id, o.slug, o.name.toLowerCase()].includes(wanted));
    if (!org) {
      throw new CliError(
        `No organization "${options.org ?? ""}" is open to this token: run \`tesseract orgs\` to list yours.`,
      );
    }
    return org;
  }
  const [only, ...others] = orgs;
  if (!only) throw new CliError("This token opens no organization: create a token in one.");
  if (others.length > 0) {
    throw new CliError(
      "You belong to several organizations: choose one with --org or TESSERACT_ORG (see `tesseract orgs`).",
    );
  }
  return only;
}

/** A project by its key (ENG) or id. */
export async function resolveProject(
  session: Session,
  orgId: string,
  ref: string,
): Promise<Project> {
  const projects = await session.client.project.list.query({ orgId, includeArchived: true });
  const wanted = ref.trim().toUpperCase();
  const project = projects.find((p) => p.key === wanted || p.id.toUpperCase() === wanted);
  if (!project) {
    throw new CliError(`No project "${ref}" here: run \`tesseract projects\` to list them.`);
  }
  return project;
}
