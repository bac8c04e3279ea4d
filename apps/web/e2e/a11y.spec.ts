import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrg, createProject, serialSession, signUp, waitForHydration } from "./helpers.ts";

// axe-core's WCAG 2.1 A/AA rules on every kind of page, in the light and the dark theme.
const run = randomBytes(4).toString("hex");
const person = { name: "Grace Hopper", email: `grace-${run}@example.com` };
let page: Page;
let orgId = "";

serialSession((opened) => (page = opened));

async function expectNoViolations(path: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(path);
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveClass(
      colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/,
    );
    // The API reference renders in the browser, after its script and the OpenAPI document.
    if (path === "/docs")
      await expect(page.getByRole("heading", { level: 1, name: "Tesseract API" })).toBeVisible();
    // Colour transitions must end (or be cancelled) before contrast is measured.
    await page.evaluate(() =>
      Promise.allSettled(document.getAnimations().map((animation) => animation.finished)),
    );
    const { violations } = await new AxeBuilder({ page })
      // "experimental" adds the rules axe has not yet turned on by default, among them
      // label-content-name-mismatch (WCAG 2.5.3: a control's name contains its visible text).
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental"])
      .analyze();
    const summary = violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      targets: nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
    expect(summary, `${path} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

// Each test scans many pages twice (light and dark): on a busy 2-core machine that takes longer
// than one page's test should, so these two get the time their page count needs.
test("the public pages pass axe in both themes", async () => {
  test.setTimeout(240_000);
  for (const path of ["/", "/sign-in", "/sign-up", "/status", "/docs/guide", "/docs"])
    await expectNoViolations(path);
});

test("the signed-in pages pass axe in both themes", async () => {
  test.setTimeout(360_000);
  await signUp(page, person);
  orgId = await createOrg(page, `Hopper Co ${run}`);
  await createProject(page, orgId, { name: "Compiler", key: "CMP" });
  await waitForHydration(page);

  await page.getByRole("button", { name: /New task/ }).click();
  const task = page.getByTestId("create-task-dialog");
  await task.getByLabel("Title").fill("Write the first compiler");
  await task.getByRole("textbox", { name: "Labels", exact: true }).fill("history");
  await task.getByLabel("Description").fill("A-0 for the **UNIVAC I**.");
  await task.getByRole("button", { name: "Create task" }).click();
  await expect(task).not.toBeVisible();
  await page.getByRole("button", { name: /New task/ }).click();
  await task.getByLabel("Title").fill("Find the moth");
  await task.getByRole("button", { name: "Create task" }).click();
  await expect(task).not.toBeVisible();

  for (const path of [
    "/orgs",
    `/orgs/${orgId}`,
    `/orgs/${orgId}/projects`,
    `/orgs/${orgId}/projects/CMP`,
    `/orgs/${orgId}/projects/CMP/list`,
    `/orgs/${orgId}/tasks/CMP-1`,
    `/orgs/${orgId}/members`,
    `/orgs/${orgId}/settings`,
    `/orgs/${orgId}/inbox`,
    "/account",
  ])
    await expectNoViolations(path);
});
