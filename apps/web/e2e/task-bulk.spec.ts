import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { call, signUpWithProject, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");

test("a task is deleted from its page, and many are changed and deleted from the list", async ({
  page,
}) => {
  const { orgId, projectId } = await signUpWithProject(
    page,
    { name: "Bea Bulk", email: `bea-${run}@example.com` },
    `Bulk ${run}`,
    { name: "Bulk", key: "BLK" },
  );
  await call(page, "project.create", { orgId, name: "Elsewhere", key: "ELS" });
  // A status of the project's own workflow, besides the defaults.
  await call(page, "status.create", {
    orgId,
    projectId,
    name: "In Review",
    category: "started",
  });
  await call(page, "label.create", { orgId, name: "sprint", colour: "green" });
  for (let n = 1; n <= 6; n++)
    await call(page, "task.create", { orgId, projectId, title: `Job ${n}` });

  // From its page, after a confirmation, back to the list without it.
  await page.goto(`/orgs/${orgId}/tasks/BLK-6`);
  await waitForHydration(page);
  await page.getByTestId("delete-task").click();
  const confirm = page.getByRole("dialog", { name: "Delete BLK-6?" });
  await confirm.getByRole("button", { name: "Delete task" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/projects/BLK/list$`));
  const rows = page.getByTestId("task-table").locator("tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId("row-BLK-6")).toHaveCount(0);

  // Newest first: BLK-5 … BLK-1. A click, then a shift-click selects the range between.
  await page.getByLabel("Select BLK-5").click();
  await page.getByLabel("Select BLK-3").click({ modifiers: ["Shift"] });
  const bar = page.getByTestId("bulk-bar");
  await expect(bar.getByRole("status")).toHaveText("3 tasks selected");
  // The project's statuses, by the names it gave them.
  await expect(bar.getByLabel("Set status").locator("option")).toHaveText([
    "Choose…",
    "Backlog",
    "Todo",
    "In Progress",
    "In Review",
    "Done",
    "Canceled",
  ]);
  await bar.getByLabel("Set status").selectOption({ label: "Done" });
  await expect(bar).toHaveCount(0);
  for (const key of ["BLK-5", "BLK-4", "BLK-3"])
    await expect(page.getByTestId(`row-${key}`)).toContainText("Done");
  await expect(page.getByTestId("row-BLK-2")).not.toContainText("Done");
  // A custom status: set on two tasks at once.
  await page.getByLabel("Select BLK-2").click();
  await page.getByLabel("Select BLK-1").click();
  await expect(bar.getByRole("status")).toHaveText("2 tasks selected");
  await bar.getByLabel("Set status").selectOption({ label: "In Review" });
  await expect(bar).toHaveCount(0);
  for (const key of ["BLK-2", "BLK-1"])
    await expect(page.getByTestId(`row-${key}`)).toContainText("In Review");
  await expect(page.getByTestId("row-BLK-3")).toContainText("Done");

  // Select all, label them, then move two to another project and delete the rest.
  await page.getByLabel("Select all loaded tasks").check();
  await expect(bar.getByRole("status")).toHaveText("5 tasks selected");
  await bar.getByLabel("Label").selectOption({ label: "sprint" });
  await bar.getByRole("button", { name: "Add" }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId("row-BLK-1")).toContainText("sprint");

  await page.getByLabel("Select BLK-1").click();
  await page.getByLabel("Select BLK-2").click();
  await bar.getByLabel("Move to project").selectOption({ label: "Elsewhere (ELS)" });
  await expect(rows).toHaveCount(3);

  await page.getByLabel("Select all loaded tasks").check();
  await bar.getByRole("button", { name: "Delete…" }).click();
  await page
    .getByRole("dialog", { name: "Delete 3 tasks?" })
    .getByRole("button", { name: "Delete 3 tasks" })
    .click();
  await expect(page.getByText("No tasks yet")).toBeVisible();

  await page.goto(`/orgs/${orgId}/projects/ELS/list`);
  await expect(page.getByTestId("task-table").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("row-ELS-1")).toContainText("sprint");
});
