import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import {
  createOrg,
  createProject,
  serialSession,
  signUp,
  snap,
  waitForHydration,
} from "./helpers.ts";

// An owner exports a project (made here, with a task a spreadsheet would run as a formula),
// follows the export to its link and opens the file; then downloads their own data.
const run = randomBytes(4).toString("hex");
const ada = { name: "Ada Exporter", email: `ada-${run}@example.com` };
let page: Page;
let orgId = "";

serialSession((opened) => (page = opened));

test("a project is exported to CSV and the downloaded file opens", async () => {
  await signUp(page, ada);
  orgId = await createOrg(page, `Exporters ${run}`);
  await createProject(page, orgId, { name: "Ledger", key: "LED" });
  await waitForHydration(page);
  for (const title of ["=SUM(A1:A9)", 'Reconcile, then "close" the books']) {
    await page.getByRole("button", { name: /New task/ }).click();
    const dialog = page.getByTestId("create-task-dialog");
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByRole("button", { name: "Create task" }).click();
    await expect(dialog).not.toBeVisible();
  }

  await page.getByRole("button", { name: "Export", exact: true }).click();
  const exportDialog = page.getByTestId("export-dialog");
  await expect(exportDialog.getByRole("radio", { name: /CSV/ })).toBeChecked();
  await exportDialog.getByRole("button", { name: "Start export" }).click();
  const link = exportDialog.getByTestId("export-download");
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(exportDialog.getByTestId("export-status")).toHaveText("Ready");
  await expect(link).toHaveText(/^Download LED-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  await snap(page, test.info(), "export-ready");

  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const file = await page.request.get(href!);
  expect(file.ok()).toBe(true);
  const lines = (await file.text()).split("\r\n");
  expect(lines[0]).toBe(
    "ref,title,status,status_name,priority,assignee,due_date,labels,description,created_by,created_at,updated_at",
  );
  expect(lines[1]).toMatch(/^LED-1,'=SUM\(A1:A9\),todo,Todo,none,/);
  expect(lines[2]).toMatch(/^LED-2,"Reconcile, then ""close"" the books",/);

  // The export's own page (where the email leads) shows the same file.
  await exportDialog.getByRole("link", { name: /Open this export/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/exports/[0-9a-f-]{36}$`));
  await expect(page.getByTestId("export-download")).toBeVisible();
});

test("a person downloads their own data from the account page", async () => {
  await page.goto("/account");
  await waitForHydration(page);
  const card = page.getByRole("region", { name: "Your data" });
  await expect(card.getByText("No exports yet")).toBeVisible();
  await card.getByRole("button", { name: "Download my data" }).click();
  const link = card.getByTestId("export-download");
  await expect(link).toBeVisible({ timeout: 60_000 });
  const file = await page.request.get((await link.getAttribute("href"))!);
  const data = (await file.json()) as { profile: { email: string }; tasks: { title: string }[] };
  expect(data.profile.email).toBe(ada.email);
  expect(data.tasks.map((t) => t.title).sort()).toEqual([
    "=SUM(A1:A9)",
    'Reconcile, then "close" the books',
  ]);
});

test("the admin page is there only for platform administrators", async () => {
  await page.goto("/admin");
  // The embedded mode's first account operates it; every later one gets a plain 404.
  const isAdmin = await page.getByRole("heading", { level: 1, name: "Platform admin" }).isVisible();
  if (isAdmin) {
    await expect(page.getByRole("region", { name: "Recent jobs" })).toContainText("export.project");
    await expect(page.getByRole("region", { name: "Dead-letter queue" })).toBeVisible();
  } else {
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("button", { name: `Account: ${ada.name}` }).click();
    await expect(page.getByRole("link", { name: "Platform admin" })).toHaveCount(0);
  }
});
