import { randomBytes } from "node:crypto";
import type { Page, Request } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrg, createProject, signUp, waitForHydration } from "./helpers.ts";

// How the project pages load: what they prefetch, and whether their content moves.
test.describe.configure({ mode: "serial" });
// Cards, organization tabs and the header's links prefetch on intent (IntentLink); what is
// prefetched as it comes into view is the project's other view.

const run = randomBytes(4).toString("hex");
let page: Page;
let board = "";

/** Next's router asks for a page's server-rendered payload with these headers. */
function isPrefetch(request: Request): boolean {
  const headers = request.headers();
  return Boolean(headers["next-router-prefetch"] ?? headers["next-router-segment-prefetch"]);
}

/** The page's cumulative layout shift so far (shifts right after input do not count). */
function layoutShift(target: Page): Promise<number> {
  return target.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!entry.hadRecentInput) total += entry.value;
        });
        observer.observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive in the first callback, queued before this frame ends.
        requestAnimationFrame(() => {
          observer.disconnect();
          resolve(total);
        });
      }),
  );
}

test.beforeAll(async ({ browser }, testInfo) => {
  // Signing up and making five tasks, on a production build answering its first requests.
  testInfo.setTimeout(240_000);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signUp(page, { name: "Ada Lovelace", email: `ada-load-${run}@example.com` });
  const orgId = await createOrg(page, `Engines ${run}`);
  board = await createProject(page, orgId, { name: "Analytical", key: "AE" });
  await waitForHydration(page);
  const dialog = page.getByTestId("create-task-dialog");
  for (let n = 1; n <= 5; n++) {
    await page.getByRole("button", { name: /New task/ }).click();
    await dialog.getByLabel("Title").fill(`Note ${n}`);
    await dialog.getByRole("button", { name: "Create task" }).click();
    await expect(dialog).not.toBeVisible();
  }
});

test.afterAll(async () => {
  await page.context().close();
});

for (const view of ["board", "list"] as const) {
  test(`the ${view} prefetches a handful of pages, not one per task`, async () => {
    const path = view === "board" ? board : `${board}/list`;
    const prefetched: string[] = [];
    const onRequest = (request: Request) => {
      if (isPrefetch(request)) prefetched.push(new URL(request.url()).pathname);
    };
    page.on("request", onRequest);
    // The pointer stays where the last test left it: over a card of the new page it would
    // prefetch that card's task (AE-4, once), which this test is not about.
    await page.mouse.move(0, 0);
    await page.goto(path);
    await waitForHydration(page);
    // The header hydrates first; a pointer over a card before the view itself has hydrated
    // prefetches nothing. The view's controls are disabled until it has: wait for one.
    const hydratedControl =
      view === "board"
        ? page.getByRole("button", { name: "Move AE-5…" })
        : page.getByRole("checkbox", { name: "Select AE-5" });
    await expect(hydratedControl).toBeEnabled();
    // Live streams keep the network busy, so the prefetches of the links in view are given
    // their turn by pointing at a task and waiting for that one's prefetch to be asked for.
    await page.locator(`a[href$="/tasks/AE-5"]`).first().hover();
    await expect
      .poll(() => prefetched.filter((p) => p.endsWith("/tasks/AE-5")).length)
      .toBeGreaterThan(0);
    page.off("request", onRequest);
    expect(prefetched.filter((p) => /\/tasks\/AE-[1-4]$/.test(p))).toEqual([]);
    // Next asks for a page in several requests (one per segment): count the pages.
    const pages = [...new Set(prefetched)];
    expect(pages.length, pages.join("\n")).toBeLessThanOrEqual(6);
  });
}

// <main>'s width comes from the URL in the first HTML (main-column.tsx), not from the content
// that streams in after the skeletons: it once widened then, a shift of about 0.08.
test("the list and workflow do not move as they load, nor when opened from the board", async () => {
  await page.goto(`${board}/list`);
  await expect(page.locator(`a[href$="/tasks/AE-1"]`).first()).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);

  const main = page.locator("main");
  await page.goto(board);
  await waitForHydration(page);
  const width = (await main.boundingBox())?.width;
  await page.getByRole("link", { name: "List", exact: true }).click();
  await expect(page).toHaveURL(`${board}/list`);
  await expect(page.locator(`a[href$="/tasks/AE-1"]`).first()).toBeVisible();
  expect((await main.boundingBox())?.width).toBe(width);
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);

  // The workflow is a project view too: as wide as the board from its first HTML, before its
  // layout (which marks itself data-wide) has streamed in.
  for (const view of ["", "/list", "/workflow"]) {
    const html = await (await page.request.get(`${board}${view}`)).text();
    expect(html.match(/<main[^>]*>/)?.[0], view || "board").toContain('data-wide=""');
  }
  await page.goto(`${board}/workflow`);
  await expect(page.getByRole("heading", { name: "Backlog", exact: true })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
  expect((await main.boundingBox())?.width).toBe(width);
});
