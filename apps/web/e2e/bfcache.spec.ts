import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { chromium, expect, test } from "@playwright/test";
import { createOrg, signUp, waitForHydration } from "./helpers.ts";
import { CHROMIUM_FLAGS, chromiumPath } from "@tesseract/chromium-config";

/**
 * Back/forward cache: the public pages (the same for everyone) are kept, so going back to them is
 * instant. Signed-in pages are sent with `no-store` and are not: they hold an organization's
 * data, which must not be shown again from memory after signing out on a shared computer.
 */
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
let browser: Browser;
let page: Page;

test.beforeAll(async ({ baseURL }) => {
  // Playwright turns the cache off in the browsers it starts; this one keeps Chromium's default.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_FLAGS,
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  });
  page = await (await browser.newContext({ baseURL })).newPage();
});

test.afterAll(async () => {
  await browser?.close();
});

/** Leaves `path` for another document and comes back; true when it came back from the cache. */
async function restoredAfterBack(path: string, elsewhere: string): Promise<boolean> {
  await page.goto(path);
  await waitForHydration(page);
  await page.evaluate(() => {
    window.addEventListener("pageshow", (event) => {
      (window as { restored?: boolean }).restored = event.persisted;
    });
  });
  // A full document load elsewhere (not a client-side transition, which keeps the page anyway).
  await page.goto(elsewhere);
  await waitForHydration(page);
  // A page restored from the cache fires no "load" event: wait only for the navigation itself.
  await page.goBack({ waitUntil: "commit" });
  await expect(page).toHaveURL(path);
  await waitForHydration(page);
  await page.waitForFunction(() => document.readyState === "complete");
  // A page loaded afresh has no listener, so no flag: undefined is "not from the cache".
  return page.evaluate(() => (window as { restored?: boolean }).restored === true);
}

for (const path of ["/", "/docs/guide", "/status", "/sign-in"]) {
  test(`${path} is restored from the back/forward cache`, async () => {
    expect(await restoredAfterBack(path, path === "/sign-in" ? "/" : "/sign-in")).toBe(true);
  });
}

/**
 * Leaves the signed-in `path` for another document and comes back; resolves once the page shown
 * is a document loaded afresh (the one left is marked, and a restored one would keep the mark).
 */
async function backToSignedIn(path: string, leave: () => Promise<void>) {
  await page.goto(path);
  await waitForHydration(page);
  await page.evaluate(() => {
    (window as { left?: boolean }).left = true;
  });
  await leave();
  await page.goBack({ waitUntil: "commit" });
  // Chromium may bring the page back from its cache (it keeps no-store pages when no cookie
  // changed); the page then loads itself again. Until it has, the old document answers.
  await expect
    .poll(() => page.evaluate(() => (window as { left?: boolean }).left === true).catch(() => true))
    .toBe(false);
  await page.waitForFunction(() => document.readyState === "complete");
}

test("a signed-in page is loaded afresh, not shown again from the back/forward cache", async () => {
  test.setTimeout(120_000);
  await signUp(page, { name: "Katherine Johnson", email: `katherine-bf-${run}@example.com` });
  const orgId = await createOrg(page, `Trajectories ${run}`);
  const projects = `/orgs/${orgId}/projects`;
  const response = await page.goto(projects);
  expect(response?.headers()["cache-control"]).toContain("no-store");

  await backToSignedIn(projects, async () => {
    await page.goto("/account");
    await waitForHydration(page);
  });
  await expect(page).toHaveURL(projects);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();

  // Signed out meanwhile: Back shows the sign-in page, not the organization's.
  await backToSignedIn(projects, async () => {
    await page.getByRole("button", { name: "Account: Katherine Johnson" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await waitForHydration(page);
  });
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByText(`Trajectories ${run}`)).toHaveCount(0);
});
