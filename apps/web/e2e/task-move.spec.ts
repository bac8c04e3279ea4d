import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { call, createOrg, signUp, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");

test("a task moved to another project from its page keeps answering at its old key", async ({
  page,
}) => {
  await signUp(page, { name: "Mona Mover", email: `mona-${run}@example.com` });
  const orgId = await createOrg(page, `Movers ${run}`);
  const web = await call<{ id: string }>(page, "project.create", {
    orgId,
    name: "Website",
    key: "WEB",
  });
  const design = await call<{ id: string }>(page, "project.create", {
    orgId,
    name: "Design",
    key: "DES",
  });
  await call(page, "task.create", { orgId, projectId: design.id, title: "Already here" });
  await call(page, "task.create", { orgId, projectId: web.id, title: "Redo the logo" });

  await page.goto(`/orgs/${orgId}/tasks/WEB-1`);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: "Redo the logo" })).toBeVisible();

  // The palette offers it, with its shortcut beside it (and so the page's commands are live).
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const command = palette.getByRole("option", { name: /Move to project…/ });
  await expect(command.locator("kbd")).toHaveText(["Shift", "M"]);
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);

  // Shift+M opens the dialog; Escape closes it without moving anything.
  await page.keyboard.press("Shift+M");
  const dialog = page.getByRole("dialog", { name: "Move WEB-1 to another project" });
  await expect(dialog.getByLabel("Project")).toHaveValue(design.id);
  await expect(dialog.getByLabel("Project")).toBeFocused();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="move-to-project-dialog"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // Chosen from the palette, it moves the task and opens it under its new key.
  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox").fill("move to project");
  await page.keyboard.press("Enter");
  await expect(palette).toHaveCount(0);
  await expect(dialog.getByLabel("Project")).toBeFocused();
  await dialog.getByLabel("Project").selectOption({ label: "Design (DES)" });
  await dialog.getByRole("button", { name: "Move" }).click();

  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/tasks/DES-2$`));
  await expect(page.getByRole("heading", { name: "Redo the logo" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Design");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("DES-2");

  // A link to the old key leads to the task at its new one. The page streams (its loading state
  // comes first), so the server's redirect arrives in the document: a refresh even without script.
  const answer = await page.request.get(`/orgs/${orgId}/tasks/WEB-1`, { maxRedirects: 0 });
  expect(await answer.text()).toContain(
    `http-equiv="refresh" content="1;url=/orgs/${orgId}/tasks/DES-2"`,
  );
  await page.goto(`/orgs/${orgId}/tasks/WEB-1`);
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/tasks/DES-2$`));
  await expect(page.getByRole("heading", { name: "Redo the logo" })).toBeVisible();
});
