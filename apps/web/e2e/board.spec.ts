import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call as apiCall, query as apiQuery, signUp, waitForHydration } from "./helpers.ts";

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

/** The positions (1 up) of the Done column's cards that are drawn. */
const donePositions = () =>
  column("done")
    .locator("[data-task-id]")
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute("aria-posinset"))));

/** Scrolls Done to its end until a card past `position` is drawn: each time, the next page loads. */
async function scrollDonePast(position: number) {
  await expect
    .poll(async () => {
      await column("done")
        .locator("[data-column-scroll]")
        .evaluate((element) => {
          element.scrollTo({ top: element.scrollHeight });
        });
      return Math.max(...(await donePositions()));
    })
    .toBeGreaterThan(position);
}

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
  expect(Math.max(...(await donePositions()))).toBeLessThanOrEqual(16);
  // Each scroll to the bottom draws the last loaded cards, which asks for the next page.
  await scrollDonePast(60);
  expect(await column("done").locator("[data-task-id]").count()).toBeLessThan(40);
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

/** The Design board's ids, from outside the page (an API client of its own: not its cache). */
async function designBoard() {
  const orgId = board.split("/")[2]!;
  const projects = await apiQuery<{ id: string; key: string }[]>(page, "project.list", { orgId });
  const projectId = projects.find((project) => project.key === "DES")!.id;
  const statuses = await apiQuery<{ id: string; name: string }[]>(page, "status.list", {
    orgId,
    projectId,
  });
  const idOf = (name: string) => statuses.find((status) => status.name === name)!.id;
  return { orgId, projectId, idOf };
}

/**
 * Opens the Design board: seven columns that already scroll sideways, so one more or less changes
 * no column's width (five would share a wide window's width instead).
 */
async function openDesignBoard() {
  await page.goto(board.replace(/\/ENG$/, "/DES"));
  await waitForHydration(page);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
}

const section = (statusId: string) => page.locator(`section[data-status-id="${statusId}"]`);

test("statuses added, renamed, reordered and deleted live leave the other columns as they were", async () => {
  await openDesignBoard();
  const { orgId, projectId, idOf } = await designBoard();
  const names = ["Triage", "Backlog", "Todo", "In Progress", "In Review", "Done", "Canceled"];
  const known = new Set(names.map(idOf));

  // Done scrolled past its first page (so later pages are loaded too), then back up a little.
  await scrollDonePast(24);
  const scroller = column("done").locator("[data-column-scroll]");
  await expect(column("done").getByText("Loading more…")).toHaveCount(0);
  await expect
    .poll(() =>
      scroller.evaluate((element) => {
        element.scrollTo({ top: 1_000 });
        return element.scrollTop;
      }),
    )
    .toBe(1_000);
  // A card in view in Done takes the focus.
  const focusedId = await scroller.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const card = [...element.querySelectorAll<HTMLElement>("[data-task-id]")].find((item) => {
      const rect = item.getBoundingClientRect();
      return rect.top >= box.top && rect.bottom <= box.bottom;
    })!;
    card.querySelector("a")!.focus();
    return card.dataset.taskId!;
  });
  // Settled: the same offset two frames apart (focusing may scroll the strip sideways only).
  await expect
    .poll(() =>
      scroller.evaluate(async (element) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const before = element.scrollTop;
        await frame();
        await frame();
        return element.scrollTop === before ? before : -1;
      }),
    )
    .toBeGreaterThan(0);
  const scrolled = await scroller.evaluate((element) => element.scrollTop);
  const inView = () =>
    scroller.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [...element.querySelectorAll<HTMLElement>("[data-task-id]")]
        .filter((item) => {
          const rect = item.getBoundingClientRect();
          return rect.bottom > box.top && rect.top < box.bottom;
        })
        .map((item) => item.dataset.taskId)
        .sort();
    });
  const shown = await inView();
  expect(shown).toContain(focusedId);
  // A mark on every column and on the focused link, which a remounted element would not carry;
  // and a record of anything hidden (a Suspense fallback hides what it replaces with display:
  // none, which drops scroll positions).
  await page.evaluate(() => {
    for (const element of document.querySelectorAll("section[data-status-id]"))
      element.setAttribute("data-kept", "");
    document.activeElement?.setAttribute("data-kept-focus", "");
    const hidden: string[] = [];
    (window as unknown as { hidden: string[] }).hidden = hidden;
    new MutationObserver((records) => {
      for (const { target } of records) {
        if (target instanceof HTMLElement && target.style.display === "none")
          hidden.push(target.outerHTML.slice(0, 80));
      }
    }).observe(document.body, { attributes: true, attributeFilter: ["style"], subtree: true });
  });
  const unchanged = async (kept: number) => {
    await expect(page.locator("section[data-status-id][data-kept]")).toHaveCount(kept);
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(scrolled);
    expect(await inView()).toEqual(shown);
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute("data-kept-focus") ?? false),
    ).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { hidden: string[] }).hidden)).toEqual(
      [],
    );
    // No page-level placeholder.
    await expect(page.getByText("Loading tasks…", { exact: true })).toHaveCount(0);
  };

  // A status added elsewhere, after Done: its column loads its first page (held back here until
  // its placeholder is seen) while the rest of the board stays as it was.
  let held = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/trpc/*task.list*", async (route) => {
    const input = new URL(route.request().url()).searchParams.get("input") ?? "{}";
    const calls = Object.values(
      JSON.parse(input) as Record<string, { json?: { statusIds?: string[] } }>,
    );
    if (calls.some((call) => call.json?.statusIds?.some((id) => !known.has(id)))) {
      held += 1;
      await released;
    }
    await route.fallback();
  });
  const ready = await apiCall<{ id: string }>(page, "status.create", {
    orgId,
    projectId,
    name: "Ready",
    category: "completed",
    afterId: idOf("Done"),
  });
  await expect(section(ready.id).locator('[aria-busy="true"]')).toBeVisible();
  expect(held).toBeGreaterThan(0);
  await unchanged(7);
  release();
  await expect(section(ready.id).getByText("No tasks")).toBeVisible();
  await expect(section(ready.id).getByTestId("count-ready")).toHaveText(", 0 tasks");
  await page.unroute("**/trpc/*task.list*");
  await unchanged(7);

  await apiCall(page, "status.update", { orgId, statusId: idOf("In Progress"), name: "Doing" });
  await expect(section(idOf("In Progress")).locator("h2")).toContainText("Doing");
  await unchanged(7);

  // Ready moves before Done: React moves Done's element to put them in order.
  await apiCall(page, "status.update", { orgId, statusId: ready.id, beforeId: idOf("Done") });
  const order = () =>
    page
      .locator("section[data-status-id]")
      .evaluateAll((sections) => sections.map((item) => item.getAttribute("data-status-id")));
  await expect
    .poll(async () => {
      const ids = await order();
      return ids.indexOf(ready.id) === ids.indexOf(idOf("Done")) - 1;
    })
    .toBe(true);
  await unchanged(7);

  await apiCall(page, "status.delete", { orgId, statusId: ready.id, moveTasksTo: idOf("Done") });
  await expect(section(ready.id)).toHaveCount(0);
  await unchanged(7);

  await apiCall(page, "status.update", {
    orgId,
    statusId: idOf("In Progress"),
    name: "In Progress",
  });
  await expect(section(idOf("In Progress")).locator("h2")).toContainText("In Progress");
});

test("a card dragged while a status is added live drops into the new column", async () => {
  await openDesignBoard();
  const { orgId, projectId, idOf } = await designBoard();
  const card = column("todo").locator("[data-task-id]").first();
  const key = (await card.getAttribute("data-testid"))!.replace("card-", "");
  const todoCount = (await page.getByTestId("count-todo").textContent())!;

  const from = (await card.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  const over = (await column("backlog").boundingBox())!;
  await page.mouse.move(over.x + over.width / 2, over.y + over.height / 2, { steps: 5 });
  await expect(card).toHaveClass(/opacity-40/);

  const ready = await apiCall<{ id: string }>(page, "status.create", {
    orgId,
    projectId,
    name: "Ready",
    category: "unstarted",
    afterId: idOf("Todo"),
  });
  await expect(section(ready.id).getByText("No tasks. Drop one here.")).toBeVisible();
  // Still dragging: the drag outlived the new column's arrival.
  await expect(card).toHaveClass(/opacity-40/);
  const to = (await section(ready.id).boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  const saved = page.waitForResponse((response) => response.url().includes("/trpc/task.move"));
  await page.mouse.up();

  await expect(section(ready.id).getByTestId(`card-${key}`)).toBeVisible();
  await expect(section(ready.id).getByTestId("count-ready")).toHaveText(", 1 task");
  await expect(page.getByTestId("count-todo")).not.toHaveText(todoCount);
  expect((await saved).ok()).toBe(true);
  // Saved there: the server's own render of the board has it in the new column.
  await openDesignBoard();
  await expect(section(ready.id).getByTestId(`card-${key}`)).toBeVisible();

  await apiCall(page, "status.delete", { orgId, statusId: ready.id, moveTasksTo: idOf("Todo") });
  await expect(section(ready.id)).toHaveCount(0);
  // Back in Todo (at its end, past the loaded page): counted there again.
  await expect(page.getByTestId("count-todo")).toHaveText(todoCount);
});
