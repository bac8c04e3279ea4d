import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrg, createProject, serialSession, signUp, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");
let page: Page;
let orgId = "";
let board = "";

serialSession((opened) => (page = opened));

test("an owner signs up and creates an organization", async () => {
  await signUp(page, { name: "Ida Tree", email: `ida-${run}@example.com` });
  orgId = await createOrg(page, `Tree Works ${run}`);
});

test("a project gets its first task", async () => {
  board = await createProject(page, orgId, { name: "Hierarchy", key: "SUB" });
  await waitForHydration(page);
  const dialog = page.getByTestId("create-task-dialog");
  await page.getByRole("button", { name: /New task/ }).click();
  await dialog.getByLabel("Title").fill("Ship the release");
  await dialog.getByLabel("Status").selectOption({ label: "Todo" });
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByTestId("card-SUB-1")).toBeVisible();
});

test("sub-tasks are created on the task page, which shows their progress", async () => {
  // In the server's HTML the sub-task form is disabled: its code loads after the page's.
  const html = await (await page.request.get(`/orgs/${orgId}/tasks/SUB-1`)).text();
  expect(html).toMatch(/<fieldset[^>]*disabled[^>]*>(?:(?!<\/fieldset>)[\s\S])*New sub-task title/);
  await page.goto(`/orgs/${orgId}/tasks/SUB-1`);
  await waitForHydration(page);
  const newSubtask = page.getByLabel("New sub-task title");
  // The form is disabled until its code has hydrated (it loads apart from the page), so a fill
  // waits for it rather than typing into a field that would drop the text.
  for (const title of ["Write the notes", "Tag the build"]) {
    await newSubtask.fill(title);
    await page.getByRole("button", { name: "Add sub-task" }).click();
    await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  }
  await expect(page.getByTestId("subtask-progress")).toContainText("0 of 2 sub-tasks done");

  // One is finished on its own page, which links back up.
  await page.getByRole("link", { name: /SUB-2 Write the notes/ }).click();
  await expect(page).toHaveURL(`/orgs/${orgId}/tasks/SUB-2`);
  await expect(page.getByTestId("parent-task")).toContainText("SUB-1 Ship the release");
  // The select lists the project's own statuses (their values are status ids).
  await page.getByLabel("Status").selectOption({ label: "Done" });
  await expect(page.getByLabel("Status").locator("option:checked")).toHaveText("Done");
  await page.getByTestId("parent-task").getByRole("link").click();
  await expect(page).toHaveURL(`/orgs/${orgId}/tasks/SUB-1`);
  await expect(page.getByTestId("subtask-progress")).toContainText("1 of 2 sub-tasks done");
});

test("a relation added on one task reads inverted on the other", async () => {
  await page.getByLabel("Relation", { exact: true }).selectOption("blocks");
  await page.getByLabel("Related task").fill("sub-3");
  await page.getByRole("list", { name: "Matching tasks" }).getByRole("button").click();
  await expect(page.getByTestId("relations")).toContainText("Blocks");
  await expect(page.getByTestId("relations")).toContainText("SUB-3");
  await page.goto(`/orgs/${orgId}/tasks/SUB-3`);
  await expect(page.getByTestId("relations")).toContainText("Blocked by");
  await expect(page.getByTestId("relations")).toContainText("SUB-1");
});

test("the board's cards show sub-task progress and what is blocked", async () => {
  await page.goto(board);
  await expect(page.getByTestId("subtasks-SUB-1")).toContainText("1/2");
  await expect(page.getByTestId("card-SUB-3")).toContainText("Blocked");
});
