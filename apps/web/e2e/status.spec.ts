import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

const services = ["database", "redis", "storage", "queue"] as const;

/** The theme switcher marks the stored choice only once React has hydrated the page. */
async function waitForHydration(page: Page, theme = "System") {
  await expect(page.getByRole("button", { name: theme, exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
}

function isTrpcRequest(url: string): boolean {
  return new URL(url).pathname.startsWith("/trpc/");
}

test("the status page is server-rendered with every service healthy", async ({ request }) => {
  const response = await request.get("/status");
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const name of services) {
    expect(html).toMatch(new RegExp(`data-testid="service-${name}" data-status="ok"`));
  }
  expect(html).toContain('data-testid="overall-status" data-status="ok"');
});

test("status hydrates without refetching, then refreshes on its timer", async ({
  page,
}, testInfo) => {
  const trpcRequests: string[] = [];
  page.on("request", (req) => {
    if (isTrpcRequest(req.url())) trpcRequests.push(req.url());
  });

  await page.goto("/status");
  await waitForHydration(page);

  for (const name of services) {
    await expect(page.getByTestId(`service-${name}`)).toHaveAttribute("data-status", "ok");
  }
  await expect(page.getByTestId("overall-status")).toHaveAttribute("data-status", "ok");
  await expect(page.getByText("All systems operational")).toBeVisible();
  await expect(page.getByTestId("info-mode")).toContainText("Embedded");
  await page.screenshot({ path: testInfo.outputPath("status-light.png"), fullPage: true });

  // The data came with the HTML: hydration must not ask the API again (the timer is 5 s).
  await page.waitForTimeout(1_000);
  expect(trpcRequests).toEqual([]);

  const lastChecked = page.getByTestId("last-checked");
  const before = await lastChecked.getAttribute("datetime");
  const refresh = await page.waitForRequest(
    (req) => isTrpcRequest(req.url()) && req.url().includes("system.health"),
    { timeout: 10_000 },
  );
  expect((await refresh.response())?.status()).toBe(200);
  await expect(lastChecked).not.toHaveAttribute("datetime", before ?? "");
});

test("a failed refresh marks the API unreachable and keeps the last result", async ({ page }) => {
  await page.goto("/status");
  await waitForHydration(page);
  await page.route("**/trpc/**", (route) => route.abort("connectionrefused"));

  const overall = page.getByTestId("overall-status");
  await expect(overall).toHaveAttribute("data-status", "unreachable", { timeout: 10_000 });
  await expect(overall).toContainText("API server unreachable");
  await expect(page.getByTestId("service-database")).toHaveAttribute("data-status", "ok");

  await page.unroute("**/trpc/**");
  await expect(overall).toHaveAttribute("data-status", "ok", { timeout: 10_000 });
});

test("the dark theme persists across reloads and is applied before first paint", async ({
  page,
}, testInfo) => {
  // Record <html>'s class at the moment <body> first exists, i.e. before anything is painted.
  await page.addInitScript(() => {
    const record = () => {
      if (!document.body || "darkAtFirstBody" in window) return false;
      Object.assign(window, {
        darkAtFirstBody: document.documentElement.classList.contains("dark"),
      });
      return true;
    };
    new MutationObserver((_records, observer) => {
      if (record()) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });

  await page.goto("/status");
  await waitForHydration(page);
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

  await page.getByRole("button", { name: "Dark", exact: true }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Dark", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await page.reload({ waitUntil: "domcontentloaded" });
  const isDarkAtDomContentLoaded = await page.evaluate(() =>
    document.documentElement.classList.contains("dark"),
  );
  expect(isDarkAtDomContentLoaded).toBe(true);
  expect(await page.evaluate(() => (window as { darkAtFirstBody?: boolean }).darkAtFirstBody)).toBe(
    true,
  );
  await waitForHydration(page, "Dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: testInfo.outputPath("status-dark.png"), fullPage: true });

  await page.getByRole("button", { name: "Light", exact: true }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test("the layout fits a narrow phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/status");
  await waitForHydration(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
