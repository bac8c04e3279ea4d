import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { NUL_MESSAGE } from "@tesseract/validators";
import { call, serialSession, signUpWithProject } from "./helpers.ts";

// The forms check input with the API's own schemas (zod and every input schema: one script of
// tens of milliseconds to run, several times that on a phone). A page loads them once the
// person starts to use it, not while it loads, where they would be one long task in the way
// of whatever the person does first (components/forms/schemas.ts).

let page: Page;
serialSession((opened) => (page = opened));

const run = randomBytes(4).toString("hex");
let orgId = "";
let taskKey = "";

/** The scripts this document has loaded that hold the schemas (a message only they carry). */
async function schemaScripts(target: Page): Promise<string[]> {
  const urls = await target.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.endsWith(".js")),
  );
  const holding: string[] = [];
  for (const url of urls)
    if ((await (await target.request.get(url)).text()).includes(NUL_MESSAGE)) holding.push(url);
  return holding;
}

/**
 * Opens `path` signed in, in a browser nobody has touched yet (a browser keeps a page's user
 * activation across same-origin navigations), and waits until it is settled.
 */
async function openUntouched(path: string): Promise<Page> {
  const context = await page
    .context()
    .browser()!
    .newContext({ storageState: await page.context().storageState() });
  const tab = await context.newPage();
  // No waiting on the page's content: Playwright's checks run as user gestures, which would
  // count as the person using the page. Half a second of quiet network instead: by then the
  // page has hydrated and anything it loads by itself once idle has loaded.
  await tab.goto(path, { waitUntil: "networkidle" });
  return tab;
}

test("a person signs up with a project and a task", async () => {
  const ids = await signUpWithProject(
    page,
    { name: "Grace Hopper", email: `grace-schemas-${run}@example.com` },
    `Compilers ${run}`,
    { name: "Cobol", key: "CBL" },
  );
  orgId = ids.orgId;
  const task = await call<{ key: string }>(page, "task.create", {
    orgId,
    projectId: ids.projectId,
    title: "Write the first compiler",
  });
  taskKey = task.key;
});

test("the list, the board and a task page load no schemas by themselves", async () => {
  for (const path of [
    `/orgs/${orgId}/projects/CBL/list`,
    `/orgs/${orgId}/projects/CBL`,
    `/orgs/${orgId}/tasks/${taskKey}`,
  ]) {
    const tab = await openUntouched(path);
    expect(await schemaScripts(tab), path).toEqual([]);
    await tab.context().close();
  }
});

test("the schemas load once the person uses the page, and check a form before it is sent", async () => {
  const tab = await openUntouched(`/orgs/${orgId}/tasks/${taskKey}`);
  const subtask = tab.getByLabel("New sub-task title");
  await subtask.click();
  await expect.poll(() => schemaScripts(tab), { timeout: 15_000 }).toHaveLength(1);

  let sent = 0;
  tab.on("request", (request) => {
    if (request.url().includes("task.create")) sent++;
  });
  await subtask.fill("   ");
  await tab.getByRole("button", { name: "Add sub-task" }).click();
  await expect(tab.getByText("Give the task a title")).toBeVisible();
  expect(sent).toBe(0);
  await tab.context().close();
});
