import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { workspaceRoot } from "@tesseract/config";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The GitHub workflows, read as data (they cannot run here): actions pinned to commits, and the
 * stack workflow doing what it promises — build, `compose up --wait`, sign up and create a
 * task, clean up whatever happened.
 */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; "timeout-minutes"?: number }>;
}
const dir = join(workspaceRoot, ".github", "workflows");
const workflows = readdirSync(dir)
  .filter((file) => file.endsWith(".yml"))
  .map((file) => ({ file, workflow: parse(readFileSync(join(dir, file), "utf8")) as Workflow }));

describe(".github/workflows", () => {
  it("pins every action to a commit, reads the repository only, and bounds every job", () => {
    for (const { file, workflow } of workflows) {
      expect(workflow.permissions, file).toEqual({ contents: "read" });
      for (const [name, job] of Object.entries(workflow.jobs)) {
        expect(job["timeout-minutes"], `${file} ${name}`).toBeGreaterThan(0);
        for (const step of job.steps.filter((s) => s.uses))
          expect(step.uses, file).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it("builds the images, waits for the stack, and signs up and creates a task through it", () => {
    const stack = workflows.find((w) => w.file === "stack.yml")?.workflow;
    expect(stack?.env).toMatchObject({
      COMPOSE_FILE: "docker/compose.yml",
      COMPOSE_PROFILES: "observability",
    });
    const steps = Object.values(stack?.jobs ?? {}).flatMap((job) => job.steps);
    const runs = steps.map((step) => step.run ?? "");
    const at = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));
    const build = at(/^docker compose build/);
    const up = at(/^docker compose up .*--wait/);
    const smoke = at(/^node docker\/smoke-test\.ts http:\/\/localhost:3000$/);
    expect(build).toBeGreaterThanOrEqual(0);
    expect(up).toBeGreaterThan(build);
    expect(smoke).toBeGreaterThan(up);
    expect(existsSync(join(workspaceRoot, "docker", "smoke-test.ts"))).toBe(true);
    const down = steps.find((step) => /^docker compose down/.test(step.run ?? ""));
    expect(down?.if).toBe("always()");
  });
});
