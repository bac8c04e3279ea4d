import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { call, query, signUp, statusIdsByName, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");

/** Hydrated, and its live connection up: the page answers clicks from here on. */
async function ready(page: Page) {
  await waitForHydration(page);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
}

test("a filtered list saved as a view reopens with the same filters and rows; My Issues spans projects", async ({
  page,
}) => {
  // One long story (two projects, a view saved, reloaded, reopened, renamed, then My Issues).
  test.setTimeout(300_000);
  await signUp(page, { name: "Vera Views", email: `vera-${run}@example.com` });
  await expect(page).toHaveURL(/\/onboarding$/);
  const me = (await query<{ user: { id: string } }>(page, "auth.me")).user.id;
  const org = await call<{ id: string }>(page, "org.create", { name: `Views ${run}` });
  const orgId = org.id;
  const project = await call<{ id: string }>(page, "project.create", {
    orgId,
    name: "Views",
    key: "VWS",
  });
  const other = await call<{ id: string }>(page, "project.create", {
    orgId,
    name: "Other",
    key: "OTH",
  });
  const task = (projectId: string, title: string, extra: Record<string, unknown> = {}) =>
    call(page, "task.create", { orgId, projectId, title, ...extra });
  await task(project.id, "Urgent login bug", {
    priority: "urgent",
    status: "todo",
    assigneeId: me,
  });
  await task(project.id, "Low chore", { priority: "low", status: "todo" });
  await task(project.id, "Urgent but done", { priority: "urgent", status: "done" });
  await task(other.id, "Elsewhere for Vera", { assigneeId: me });
  // A view kept before project statuses, by category: it still opens its filter.
  const oldView = await call<{ id: string }>(page, "view.create", {
    orgId,
    projectId: project.id,
    name: "Open by category",
    filters: { status: ["todo"], priority: ["urgent"] },
  });

  // Filter the list with its chips, then save it as a view.
  const list = `/orgs/${orgId}/projects/VWS/list`;
  await page.goto(list);
  await ready(page);
  const rows = page.getByTestId("task-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await page.getByRole("group", { name: "Priority" }).getByText("Urgent").click();
  await expect(page).toHaveURL(/priority=urgent/);
  const todo = (await statusIdsByName(page, orgId, "VWS")).Todo!;
  await page.getByRole("group", { name: "Status" }).getByText("Todo").click();
  await expect(page).toHaveURL(new RegExp(`statuses=${todo}`));
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await dialog.getByLabel("Name").fill("Urgent open");
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toHaveCount(0);
  const views = page.getByRole("region", { name: "Views" });
  const saved = views.getByRole("link", { name: /Urgent open/ });
  await expect(saved).toHaveAttribute("aria-current", "true");

  // After a reload it is still there; opened from a clean list it brings its filters back.
  await page.reload();
  await ready(page);
  await expect(saved).toBeVisible();
  await page.goto(list);
  await ready(page);
  await expect(rows).toHaveCount(3);
  await expect(saved).not.toHaveAttribute("aria-current", "true");
  await saved.click();
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(page).toHaveURL(new RegExp(`statuses=${todo}`));
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("row-VWS-1")).toBeVisible();
  await expect(page.getByRole("group", { name: "Priority" }).getByLabel("Urgent")).toBeChecked();
  await expect(page.getByRole("group", { name: "Status" }).getByLabel("Todo")).toBeChecked();
  await expect(saved).toHaveAttribute("aria-current", "true");
  const byCategory = views.getByRole("link", { name: /Open by category/ });
  await byCategory.click();
  await expect(page).toHaveURL(/status=todo/);
  await expect(byCategory).toHaveAttribute("aria-current", "true");
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("row-VWS-1")).toBeVisible();
  await expect(page.getByRole("group", { name: "Status" }).getByLabel("Todo")).toBeChecked();
  await expect(page.getByRole("group", { name: "Status" }).getByLabel("Done")).not.toBeChecked();
  await call(page, "view.delete", { orgId, viewId: oldView.id });
  await page.reload();
  await ready(page);
  await expect(byCategory).toHaveCount(0);

  // Renamed and shared from the views dialog.
  await views.getByRole("button", { name: "Manage views" }).click();
  const manage = page.getByRole("dialog", { name: "Views" });
  await manage.getByLabel("Name of Urgent open").fill("Hot and open");
  await manage.getByRole("button", { name: "Rename" }).click();
  await expect(views.getByRole("link", { name: /Hot and open/ })).toBeVisible();
  await manage.getByLabel("Shared with the organization").check();
  await expect(views.getByRole("link", { name: /Hot and open/ })).toContainText("shared");
  await manage.getByRole("button", { name: "Done" }).click();

  // My Issues, from the organization's tabs: the tasks assigned to Vera in both projects.
  await page
    .getByRole("navigation", { name: "Organization" })
    .getByRole("link", { name: "My Issues" })
    .click();
  await expect(page).toHaveURL(`/orgs/${orgId}/my-issues`);
  await ready(page);
  const mine = page.getByTestId("my-issues-table").locator("tbody tr");
  await expect(mine).toHaveCount(2);
  await expect(page.getByTestId("row-VWS-1")).toBeVisible();
  await expect(page.getByTestId("row-OTH-1")).toBeVisible();
  await page
    .getByRole("navigation", { name: "Whose tasks" })
    .getByRole("link", { name: "Created by me" })
    .click();
  await expect(page).toHaveURL(/relation=created/);
  await expect(mine).toHaveCount(4);
});
