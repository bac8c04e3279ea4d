import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { call, signUpWithProject, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");

/** A signed-up person with an organization, a "PAL" project and three tasks. */
async function setUp(page: Page, who: string) {
  const { orgId, projectId } = await signUpWithProject(
    page,
    { name: `Pia ${who}`, email: `pia-${who}-${run}@example.com` },
    `Palette ${who} ${run}`,
    { name: "Palette", key: "PAL" },
  );
  for (const title of ["Zebra crossing", "Paint the fence", "Water the plants"])
    await call(page, "task.create", { orgId, projectId, title });
  return orgId;
}

test("Ctrl+K finds a task by key or by title and opens it; focus returns on close", async ({
  page,
}) => {
  const orgId = await setUp(page, "keys");
  await page.goto(`/orgs/${orgId}/projects`);
  await waitForHydration(page);

  const opener = page.getByRole("link", { name: "Members" }).first();
  await opener.focus();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();
  // By title: the search answers, marked as it matched.
  await input.fill("zebra");
  await expect(palette.getByRole("option", { name: /PAL-1\s*Zebra crossing/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await expect(opener).toBeFocused();

  // By key, typed in any case: Enter opens it.
  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();
  await input.fill("pal-2");
  await expect(palette.getByRole("option", { name: "Open task PAL-2" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/tasks/PAL-2$`));
  await expect(page.getByRole("heading", { name: "Paint the fence" })).toBeVisible();
});

test("? lists the shortcuts, the page's own included; the palette shows them beside its actions", async ({
  page,
}) => {
  const orgId = await setUp(page, "help");
  await page.goto(`/orgs/${orgId}/projects/PAL`);
  await waitForHydration(page);
  await expect(page.getByTestId("card-PAL-1")).toBeVisible();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Open the command palette");
  await expect(help).toContainText("New task");
  await expect(help).toContainText("Move or delete the focused card…");
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toHaveCount(0);

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const newTask = palette.getByRole("option", { name: /New task/ });
  await expect(newTask.locator("kbd")).toHaveText("C");
  await palette.getByRole("combobox").fill("new task");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "New task in PAL" })).toBeVisible();
});

test("a card deleted from its menu comes back to its column with Undo", async ({ page }) => {
  const orgId = await setUp(page, "undo");
  await page.goto(`/orgs/${orgId}/projects/PAL`);
  await waitForHydration(page);
  const backlog = page.getByTestId("column-backlog");
  await expect(backlog.getByTestId("card-PAL-2")).toBeVisible();

  // The card's menu button is disabled until the board has hydrated: the click waits for it.
  const menu = page.getByTestId("move-task-dialog");
  await page.getByRole("button", { name: "Move PAL-2…" }).click();
  await expect(menu).toBeVisible();
  await menu.getByRole("button", { name: "Delete task" }).click();
  await expect(page.getByTestId("card-PAL-2")).toHaveCount(0);
  await expect(page.getByTestId("count-backlog")).toHaveText(/\b2 tasks/);

  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Deleted PAL-2" });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(backlog.getByTestId("card-PAL-2")).toBeVisible();
  await expect(page.getByTestId("count-backlog")).toHaveText(/\b3 tasks/);
  // Where it was: between PAL-1 and PAL-3.
  await expect(backlog.locator("[data-testid^=card-]")).toHaveText([/PAL-1/, /PAL-2/, /PAL-3/]);
});

test("a category chosen while the project's statuses load carries over to its first status", async ({
  page,
}) => {
  const orgId = await setUp(page, "status");
  await page.goto(`/orgs/${orgId}/projects`);
  await waitForHydration(page);
  // Hold the project's statuses until a category has been chosen in the stand-in.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/trpc/*status.list*", async (route) => {
    await held;
    await route.continue();
  });
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("option", { name: /Create task…/ }).click();
  await palette.getByRole("option", { name: /Palette/ }).click();
  const dialog = page.getByRole("dialog", { name: "New task in PAL" });
  await expect(dialog.getByText("Loading the project's statuses…")).toBeVisible();
  await dialog.getByLabel("Status").selectOption({ label: "In progress" });
  release();
  await expect(dialog.getByText("Loading the project's statuses…")).toHaveCount(0);
  await expect(dialog.getByLabel("Status")).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(dialog.getByLabel("Status").locator("option:checked")).toHaveText("In Progress");
});
