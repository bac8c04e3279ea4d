import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import envPaths from "env-paths";

/** What `tesseract login` keeps: the server and the token, in a file only its owner can read. */
export interface StoredLogin {
  url: string;
  token: string;
}

/** `$XDG_CONFIG_HOME/tesseract/login.json` on Linux (env-paths picks each platform's place). */
export function loginFile(): string {
  return join(envPaths("tesseract", { suffix: "" }).config, "login.json");
}

export async function readLogin(): Promise<StoredLogin | undefined> {
  try {
    const value = JSON.parse(await readFile(loginFile(), "utf8")) as Partial<StoredLogin>;
    return typeof value.url === "string" && typeof value.token === "string"
      ? { url: value.url, token: value.token }
      : undefined;
  } catch {
    return undefined;
  }
}

export async function writeLogin(login: StoredLogin): Promise<string> {
  const file = loginFile();
  await mkdir(join(file, ".."), { recursive: true, mode: 0o700 });
  // Mode 0600 from creation on, and again in case the file existed with a wider one.
  await writeFile(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}

export async function forgetLogin(): Promise<void> {
  await rm(loginFile(), { force: true });
}
