import { expect, test } from "@playwright/test";

test("the guide covers tokens, rate limits, idempotency and pagination", async ({ page }) => {
  await page.goto("/docs/guide");
  await expect(page.getByRole("heading", { level: 1, name: "Using the API" })).toBeVisible();
  for (const name of ["API tokens", "Rate limits", "Idempotent creates", "Pagination"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  const nav = page.getByRole("navigation", { name: "Documentation" });
  await expect(nav.getByRole("link", { name: /Guide/ })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs$/);
});

test("the reference renders the API's own OpenAPI document", async ({ page, request }) => {
  // The same document the API server generates, reached through the web app's origin.
  const document = await request.get("/openapi.json");
  expect(document.status()).toBe(200);
  const { paths } = (await document.json()) as { paths: Record<string, unknown> };
  expect(Object.keys(paths)).toContain("/trpc/task.create");

  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Tesseract API" })).toBeVisible();
  // Scalar renders operations as they come into view; a deep link brings one there. Its heading
  // is the summary from the procedure's meta.
  await page.goto("/docs#tag/task/POST/trpc/task.create");
  await expect(
    page.getByRole("heading", { level: 3, name: "Create a task in a project" }),
  ).toBeVisible();
});

test("the reference is styled, and offers nothing that talks to Scalar's own services", async ({
  page,
}) => {
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (protocol.startsWith("http") && !["127.0.0.1", "localhost"].includes(hostname))
      elsewhere.push(request.url());
  });
  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Tesseract API" })).toBeVisible();
  // Its stylesheet is loaded: unstyled, the sidebar's search was an inline box and the version
  // badges plain bordered text.
  const search = page.locator(".scalar-app .sidebar-search-placeholder").first();
  await expect(search).toBeVisible();
  const styled = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) => {
      try {
        return [...sheet.cssRules].some((rule) => rule.cssText.includes(".scalar-app"));
      } catch {
        return false;
      }
    }),
  );
  expect(styled).toBe(true);
  await expect(page.getByRole("button", { name: "Ask AI" })).toHaveCount(0);
  await expect(page.getByText("Developer Tools")).toHaveCount(0);
  expect(elsewhere).toEqual([]);
  // It follows the page's theme when the theme changes (Scalar marks <body> with its own).
  await page.getByRole("button", { name: "Dark", exact: true }).click();
  await expect(page.locator("body")).toHaveClass(/\bdark-mode\b/);
  await page.getByRole("button", { name: "Light", exact: true }).click();
  await expect(page.locator("body")).toHaveClass(/\blight-mode\b/);
});
