import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { signUp, waitForHydration } from "./helpers.ts";

// The demo board (3,000 tasks; ENG holds 1,200): sent small, counted exactly, scrolled into
// more, and crossed by keyboard in a few presses. Timings live in bench/ (pnpm bench:board).
test.describe.configure({ mode: "serial" });

const STATUSES = ["backlog", "todo", "in_progress", "done", "canceled"] as const;
const run = randomBytes(4).toString("hex");
let page: Page;
let board = "";

async function call<T>(method: "GET" | "POST", path: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, input }) => {
      const body = JSON.stringify({ json: input });
      const response =
        method === "GET"
          ? await fetch(`/trpc/${path}?input=${encodeURIComponent(body)}`)
          : await fetch(`/trpc/${path}`, {
              method,
              headers: { "content-type": "application/json" },
              body,
            });
      const answer = (await response.json()) as { result?: { data: { json: unknown } } };
      if (!response.ok || !answer.result) throw new Error(`${path}: ${JSON.stringify(answer)}`);
      return answer.result.data.json as T;
    },
    { method, path, input },
  );
}

const column = (status: string) => page.getByTestId(`column-${status}`);

test.beforeAll(async ({ browser }) => {
  // Loading the demo organization writes 3,000 tasks and their comments in one transaction.
  test.setTimeout(600_000);
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signUp(page, { name: "Kim Board", email: `kim-${run}@example.com` });
  await expect(page).toHaveURL(/\/onboarding$/);
  const demo = await call<{ orgId: string }>("POST", "dev.seedDemo", undefined);
  board = `/orgs/${demo.orgId}/projects/ENG`;
});

test.afterAll(async () => {
  await page.context().close();
});

test("the demo board's document is small, and its columns show their real counts", async () => {
  const response = await page.request.get(board);
  expect(response.status()).toBe(200);
  const html = await response.body();
  expect(html.length).toBeLessThanOrEqual(300_000);

  await page.goto(board);
  await waitForHydration(page);
  const orgId = board.split("/")[2]!;
  const projects = await call<{ id: string; key: string }[]>("GET", "project.list", { orgId });
  const projectId = projects.find((project) => project.key === "ENG")!.id;
  for (const status of STATUSES) {
    // Counted the long way: every page of the column.
    let total = 0;
    let cursor: string | null = null;
    do {
      const result: { items: unknown[]; nextCursor: string | null } = await call(
        "GET",
        "task.list",
        { orgId, projectId, status: [status], limit: 100, cursor },
      );
      total += result.items.length;
      cursor = result.nextCursor;
    } while (cursor);
    await expect(page.getByTestId(`count-${status}`), status).toHaveText(
      new RegExp(`^, ${total} tasks?$`),
    );
  }
});

test("scrolling a column loads more cards while the DOM stays small", async () => {
  await page.goto(board);
  await waitForHydration(page);
  const done = column("done");
  const cards = done.locator("[data-task-id]");
  const posinsets = () =>
    cards.evaluateAll((items) => items.map((item) => Number(item.getAttribute("aria-posinset"))));
  expect(Math.max(...(await posinsets()))).toBeLessThanOrEqual(16);
  const scroller = done.locator("ol").locator("..");
  // Each scroll to the bottom draws the last loaded cards, which asks for the next page.
  await expect
    .poll(async () => {
      await scroller.evaluate((element) => {
        element.scrollTo({ top: element.scrollHeight });
      });
      return Math.max(...(await posinsets()));
    })
    .toBeGreaterThan(60);
  expect(await cards.count()).toBeLessThan(40);
});

test("few Tab presses reach the Done column; arrows move the focus; Enter opens the task", async () => {
  await page.goto(board);
  await waitForHydration(page);
  await page.locator("body").focus();
  let presses = 0;
  const inDone = () =>
    page.evaluate(() =>
      Boolean(document.activeElement?.closest('[data-testid="column-done"] [data-task-id]')),
    );
  while (!(await inDone()) && presses < 60) {
    await page.keyboard.press("Tab");
    presses += 1;
  }
  // The page's own links and buttons, then one stop per column before Done.
  expect(presses).toBeLessThanOrEqual(30);
  const focusedCard = () =>
    page.evaluate(() => {
      const card = document.activeElement?.closest<HTMLElement>("[data-task-id]");
      return {
        column: card?.closest("section")?.dataset.testid ?? "",
        position: Number(card?.getAttribute("aria-posinset")),
        key: card?.dataset.testid?.replace("card-", "") ?? "",
      };
    });
  expect(await focusedCard()).toMatchObject({ column: "column-done", position: 1 });
  // Shift+Tab leaves Done for the In progress column's one stop.
  await page.keyboard.press("Shift+Tab");
  expect(await focusedCard()).toMatchObject({ column: "column-in_progress", position: 1 });
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect.poll(focusedCard).toMatchObject({ column: "column-done", position: 3 });
  await page.keyboard.press("ArrowLeft");
  await expect.poll(focusedCard).toMatchObject({ column: "column-in_progress", position: 1 });
  await page.keyboard.press("ArrowRight");
  // Back in Done on the card it left, which stays its Tab stop.
  await expect.poll(focusedCard).toMatchObject({ column: "column-done", position: 3 });
  const { key } = await focusedCard();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tasks/${key}$`));
});

test("a board of more than five statuses scrolls sideways instead of squeezing its columns", async () => {
  // The demo Design project has seven statuses (Triage and Canceled besides the usual five).
  await page.goto(board.replace(/\/ENG$/, "/DES"));
  await waitForHydration(page);
  const columns = page.locator("section[data-status-id]");
  await expect(columns).toHaveCount(7);
  const widths = await columns.evaluateAll((sections) =>
    sections.map((section) => section.getBoundingClientRect().width),
  );
  // Each keeps its 18rem, as on a narrower window; the strip scrolls to the rest.
  for (const width of widths) expect(width).toBeGreaterThanOrEqual(18 * 16 - 1);
  const strip = columns.first().locator("xpath=../..");
  expect(await strip.evaluate((element) => element.scrollWidth > element.clientWidth + 100)).toBe(
    true,
  );
  // The ENG board's five columns share the window's width instead.
  await page.goto(board);
  await waitForHydration(page);
  const five = await page
    .locator("section[data-status-id]")
    .evaluateAll((sections) => sections.map((section) => section.getBoundingClientRect().width));
  expect(five).toHaveLength(5);
  const strip5 = page.locator("section[data-status-id]").first().locator("xpath=../..");
  expect(await strip5.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(
    true,
  );
});
