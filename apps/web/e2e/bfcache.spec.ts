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

test("a signed-in page is loaded afresh, not from the back/forward cache", async () => {
  test.setTimeout(120_000);
  await signUp(page, { name: "Katherine Johnson", email: `katherine-bf-${run}@example.com` });
  const orgId = await createOrg(page, `Trajectories ${run}`);
  const response = await page.goto(`/orgs/${orgId}/projects`);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  expect(await restoredAfterBack(`/orgs/${orgId}/projects`, "/account")).toBe(false);
});
