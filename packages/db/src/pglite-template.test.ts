import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger, type Logger } from "@tesseract/config";
import { sql } from "kysely";
import { afterAll, describe, expect, it, vi } from "vitest";
import { migrations } from "../migrations/index.ts";
import { createDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { writePgliteTemplate } from "./pglite-template.ts";

const dir = mkdtempSync(join(tmpdir(), "tesseract-pglite-template-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const record = vi.fn((_: unknown, message?: string) => {
    if (message) messages.push(message);
  });
  return { ...silentLogger, info: record, warn: record, messages };
}

async function appliedMigrations(dataDir: string, template: string, logger: Logger) {
  const handle = await createDatabase({
    url: undefined,
    dataDir,
    pgliteTemplate: template,
    logger,
  });
  try {
    const { rows } = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(handle.db);
    return { names: rows.map((r) => r.name), pending: await migrateToLatest(handle.db) };
  } finally {
    await handle.close();
  }
}

// Each case initialises PGlite at least once: many seconds on a busy machine.
describe("the PGlite template", { timeout: 180_000 }, () => {
  const template = join(dir, "template");

  it("gives a new embedded database every migration without an initdb", async () => {
    await writePgliteTemplate(template);
    expect(existsSync(join(template, "PG_VERSION"))).toBe(true);
    const logger = recordingLogger();
    const { names, pending } = await appliedMigrations(join(dir, "fresh"), template, logger);
    expect(names).toEqual(Object.keys(migrations));
    expect(pending).toEqual([]);
    expect(logger.messages).toContain("embedded database created from the template");
  });

  it("falls back to a fresh data directory when the template cannot be loaded", async () => {
    const broken = join(dir, "broken");
    mkdirSync(join(broken, "base"), { recursive: true });
    writeFileSync(join(broken, "PG_VERSION"), "not a version\n");
    const logger = recordingLogger();
    const handle = await createDatabase({
      url: undefined,
      dataDir: join(dir, "fallback"),
      pgliteTemplate: broken,
      logger,
    });
    try {
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
      expect(logger.messages).toContain("could not open the PGlite template; initialising afresh");
    } finally {
      await handle.close();
    }
  });
});
