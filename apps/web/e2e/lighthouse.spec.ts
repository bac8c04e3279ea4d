import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { chromiumPath } from "@tesseract/chromium-config";
import { createOrg, createProject, signUp, waitForHydration } from "./helpers.ts";
import type { Browser, Category } from "./lighthouse.ts";
import { audit, failedAudits, launchChromium } from "./lighthouse.ts";

/**
 * Lighthouse's Accessibility, Best Practices and SEO categories at 100 on the public pages and,
 * signed in, on the main pages of the app. These three do not depend on how fast the machine is
 * (Performance does: the web benchmark measures it, `pnpm bench:web`).
 */
test.describe.configure({ mode: "serial" });

const CATEGORIES: Category[] = ["accessibility", "best-practices", "seo"];
const run = randomBytes(4).toString("hex");
let page: Page;
let browser: Browser;
let cookie = "";
let orgId = "";

test.beforeAll(async ({ browser: playwright, baseURL }, testInfo) => {
  // Signing up and making a project with a task, on a production build answering its first requests.
  testInfo.setTimeout(240_000);
  page = await (await playwright.newContext()).newPage();
  await signUp(page, { name: "Mary Jackson", email: `mary-lh-${run}@example.com` });
  orgId = await createOrg(page, `Wind Tunnel ${run}`);
  await createProject(page, orgId, { name: "Supersonic", key: "SST" });
  await waitForHydration(page);
  await page.getByRole("button", { name: /New task/ }).click();
  const dialog = page.getByTestId("create-task-dialog");
  await dialog.getByLabel("Title").fill("Measure the drag");
  await dialog.getByLabel("Description").fill("Boundary layer of the **delta wing** at Mach 1.2.");
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).not.toBeVisible();
  cookie = (await page.context().cookies(baseURL))
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
  expect(cookie).not.toBe("");
  browser = await launchChromium(chromiumPath);
});

test.afterAll(async () => {
  await browser?.close();
  await page?.context().close();
});

async function expectPerfectScores(baseURL: string, paths: string[], signedIn: boolean) {
  const failures: string[] = [];
  for (const path of paths) {
    const result = await audit(`${baseURL}${path}`, {
      port: browser.port,
      categories: CATEGORIES,
      formFactor: "desktop",
      ...(signedIn ? { cookie } : {}),
    });
    // A redirect (to /sign-in, say) would score a page other than the one named.
    expect(new URL(result.lhr.finalDisplayedUrl).pathname, path).toBe(path);
    for (const category of CATEGORIES)
      failures.push(...failedAudits(result, category).map((failure) => `${path} ${failure}`));
  }
  expect(failures).toEqual([]);
}

// Each Lighthouse run loads its page afresh in a clean profile: a few seconds each on an idle
// machine, many more on a busy one, so these get the time their page count needs.
test("the public pages score 100 in Accessibility, Best Practices and SEO", async ({ baseURL }) => {
  test.setTimeout(240_000);
  await expectPerfectScores(baseURL!, ["/", "/sign-in", "/docs/guide"], false);
});

test("the signed-in pages score 100 in Accessibility, Best Practices and SEO", async ({
  baseURL,
}) => {
  test.setTimeout(420_000);
  await expectPerfectScores(
    baseURL!,
    [
      `/orgs/${orgId}/projects`,
      `/orgs/${orgId}/projects/SST`,
      `/orgs/${orgId}/projects/SST/list`,
      `/orgs/${orgId}/tasks/SST-1`,
      "/account",
    ],
    true,
  );
});
