import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call, signUpWithProject, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");

/** The browser's own calls to a procedure (a server-rendered page makes none on arrival). */
function recordCalls(page: Page, procedure: string): string[] {
  const calls: string[] = [];
  page.on("request", (request) => {
    const url = decodeURIComponent(request.url());
    if (url.includes("/trpc/") && url.includes(procedure)) calls.push(url);
  });
  return calls;
}

test("a long list arrives server-rendered and loads the rest page by page", async ({ page }) => {
  const { orgId, projectId } = await signUpWithProject(
    page,
    { name: "Dana Pager", email: `dana-${run}@example.com` },
    `Pager ${run}`,
    { name: "Long list", key: "LONG" },
  );
  // One more than a list page holds (50).
  for (let first = 1; first <= 51; first += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, 52 - first) }, (_, offset) =>
        call(page, "task.create", {
          orgId,
          projectId,
          title: `Task number ${first + offset}`,
        }),
      ),
    );
  }

  const listCalls = recordCalls(page, "task.list");
  await page.goto(`/orgs/${orgId}/projects/LONG/list`);
  await waitForHydration(page);
  const rows = page.getByTestId("task-table").locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(page.getByText("50+ tasks")).toBeVisible();
  // The first page came with the HTML and hydrated under the hooks' own key: no request for it.
  expect(listCalls).toEqual([]);

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(51);
  await expect(page.getByTestId("row-LONG-1")).toBeVisible();
  await expect(page.getByText("That is every match.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  expect(listCalls).toHaveLength(1);
  expect(listCalls[0]).toContain('"cursor"');

  // The board's columns and the task page hydrate from the server's fetches the same way.
  listCalls.length = 0;
  await page.goto(`/orgs/${orgId}/projects/LONG`);
  await waitForHydration(page);
  // A column's first page, and its real count (the rest loads as the column scrolls).
  await expect(page.getByTestId("count-backlog")).toHaveText(", 51 tasks");
  await expect(page.getByTestId("column-backlog").locator("[data-task-id]").first()).toBeVisible();
  expect(listCalls).toEqual([]);

  const taskCalls = recordCalls(page, "task.get");
  await page.goto(`/orgs/${orgId}/tasks/long-7`);
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/tasks/LONG-7$`));
  await waitForHydration(page);
  // Tasks created side by side take their numbers in any order; the title is the page's own.
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(/^Task number \d+$/);
  await expect(page).toHaveTitle(`LONG-7 ${await title.innerText()} · Tesseract`);
  expect(taskCalls).toEqual([]);
});
