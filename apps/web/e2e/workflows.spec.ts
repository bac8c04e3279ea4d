import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrg, createProject, serialSession, signUp, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");
let page: Page;
let orgId = "";
let board = "";

serialSession((opened) => (page = opened));

/** A board column by its heading (the status's name). */
const column = (name: string) =>
  page.getByRole("region", { name: new RegExp(`^${name}\\W*\\d+ tasks?$`) });
/** Board, List or Workflow: the project's tabs. */
const tab = (name: string) =>
  page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name });

test("an owner's new project has the default columns", async () => {
  await signUp(page, { name: "Wes Flow", email: `wes-${run}@example.com` });
  orgId = await createOrg(page, `Flow Works ${run}`);
  board = await createProject(page, orgId, { name: "Workflow", key: "FLOW" });
  await waitForHydration(page);
  for (const name of ["Backlog", "Todo", "In Progress", "Done", "Canceled"])
    await expect(column(name)).toBeVisible();
});

test("a status renamed in the workflow renames the board's column", async () => {
  await page.goto(`${board}/workflow`);
  await waitForHydration(page);
  const name = page.getByLabel("Name of status In Progress");
  await name.fill("Doing");
  await name.press("Enter");
  await expect(page.getByLabel("Name of status Doing")).toBeVisible();

  await tab("Board").click();
  await expect(page).toHaveURL(board);
  await expect(column("Doing")).toBeVisible();
  await expect(column("In Progress")).toHaveCount(0);
});

test("a status added to a category is a new column beside its category's others", async () => {
  await tab("Workflow").click();
  await expect(page).toHaveURL(`${board}/workflow`);
  await waitForHydration(page);
  await page.getByLabel("New started status").fill("In Review");
  await page
    .getByRole("region", { name: "Started", exact: true })
    .getByRole("button", { name: "Add" })
    .click();
  await expect(page.getByLabel("Name of status In Review")).toBeVisible();
  // Up before Doing, by keyboard.
  await page.getByRole("button", { name: "Move In Review up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move In Review up" })).toBeDisabled();

  await tab("Board").click();
  await expect(page).toHaveURL(board);
  await expect(column("In Review")).toBeVisible();
  const headings = page.locator("[data-status-id] h2");
  await expect(headings).toHaveText([
    /^Backlog/,
    /^Todo/,
    /^In Review/,
    /^Doing/,
    /^Done/,
    /^Canceled/,
  ]);
});

test("new tasks go straight into a custom status, and the list filters by the project's statuses", async () => {
  const rows = page.getByTestId("task-table").locator("tbody tr");
  const dialog = page.getByTestId("create-task-dialog");
  // A new task starts in the first unstarted status, as before.
  await page.getByRole("button", { name: /New task/ }).click();
  await expect(dialog.getByLabel("Status")).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(dialog.getByLabel("Status").locator("option:checked")).toHaveText("Todo");
  await expect(dialog.getByLabel("Status").locator("option")).toHaveText([
    "Backlog",
    "Todo",
    "In Review",
    "Doing",
    "Done",
    "Canceled",
  ]);
  await dialog.getByLabel("Title").fill("Review the copy");
  await dialog.getByLabel("Status").selectOption({ label: "In Review" });
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).not.toBeVisible();
  await expect(column("In Review").getByTestId("card-FLOW-1")).toBeVisible();
  // Doing is not its category's first status: only the status itself puts a task there.
  await page.getByRole("button", { name: /New task/ }).click();
  await dialog.getByLabel("Title").fill("Draft the copy");
  await dialog.getByLabel("Status").selectOption({ label: "Doing" });
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).not.toBeVisible();
  await expect(column("Doing").getByTestId("card-FLOW-2")).toBeVisible();

  await tab("List").click();
  await expect(page).toHaveURL(`${board}/list`);
  await waitForHydration(page);
  await expect(rows).toHaveCount(2);
  const statusChips = page.getByRole("group", { name: "Status" });
  await expect(statusChips.getByRole("checkbox")).toHaveCount(6);
  await statusChips.getByText("In Review", { exact: true }).click();
  await expect(page).toHaveURL(/[?&]statuses=[0-9a-f-]{36}$/);
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("row-FLOW-1")).toContainText("In Review");
  // The filter is in the URL: a reload shows the same.
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole("checkbox", { name: "In Review" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Doing" })).not.toBeChecked();
  await expect(rows).toHaveCount(1);
  await statusChips.getByText("Doing", { exact: true }).click();
  await expect(page).toHaveURL(/[?&]statuses=[0-9a-f-]{36}%2C[0-9a-f-]{36}$/);
  await expect(rows).toHaveCount(2);

  // A link from before project statuses names a category: every status of it is selected.
  await page.goto(`${board}/list?status=in_progress`);
  await waitForHydration(page);
  await expect(page.getByRole("checkbox", { name: "In Review" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Doing" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Todo" })).not.toBeChecked();
  await expect(rows).toHaveCount(2);
  // Turning one off keeps the other, now by its own id.
  await statusChips.getByText("In Review", { exact: true }).click();
  await expect(page).toHaveURL(/\/list\?statuses=[0-9a-f-]{36}$/);
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("row-FLOW-2")).toBeVisible();
  await tab("Board").click();
  await expect(page).toHaveURL(board);
});

test("deleting a status moves its tasks to the status chosen", async () => {
  await expect(column("In Review").getByTestId("card-FLOW-1")).toBeVisible();

  await tab("Workflow").click();
  await waitForHydration(page);
  await page.getByRole("button", { name: "Delete In Review" }).click();
  const confirm = page.getByTestId("delete-status-dialog");
  await confirm.getByLabel("Move tasks to").selectOption({ label: "Done" });
  await confirm.getByRole("button", { name: "Delete status" }).click();
  await expect(page.getByLabel("Name of status In Review")).toHaveCount(0);

  await tab("Board").click();
  await expect(column("Done").getByTestId("card-FLOW-1")).toBeVisible();
  await expect(column("In Review")).toHaveCount(0);
});
