import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call, createOrg, query, serialSession, signUp, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");
let page: Page;
let orgId = "";
let board = "";

serialSession((opened) => (page = opened));

test("an owner defines a label in the organization's settings", async () => {
  await signUp(page, { name: "Lin Label", email: `lin-${run}@example.com` });
  orgId = await createOrg(page, `Label Works ${run}`);
  const project = await call<{ id: string }>(page, "project.create", {
    orgId,
    name: "Labelled",
    key: "LAB",
  });
  await call(page, "task.create", { orgId, projectId: project.id, title: "Fix the header" });

  // Settings: define a label with a colour.
  await page.goto(`/orgs/${orgId}/settings`);
  await waitForHydration(page);
  const card = page.getByRole("region", { name: "Labels" });
  await expect(card.getByText("No labels yet")).toBeVisible();
  await card.getByLabel("New label").fill("regression");
  await card.getByLabel("Colour", { exact: true }).selectOption("red");
  await card.getByRole("button", { name: "Add label" }).click();
  await expect(card.getByTestId("label-row")).toHaveCount(1);
  await expect(card.getByTestId("label-row")).toContainText("0 tasks");
  // The same name again (in another case) is refused, with the reason.
  await card.getByLabel("New label").fill("Regression");
  await card.getByRole("button", { name: "Add label" }).click();
  await expect(card.getByText(/already exists/)).toBeVisible();
  await card.getByLabel("New label").fill("");
});

test("the label goes on a task from its page and shows on the board's card", async () => {
  // The task page: pick it from the organization's labels.
  await page.goto(`/orgs/${orgId}/tasks/LAB-1`);
  await waitForHydration(page);
  const picker = page.getByLabel("Labels", { exact: true });
  const add = page.getByRole("button", { name: "Add regression" });
  // The field is disabled until the task's fields have hydrated (they may after the header
  // does), so the fill waits for it instead of typing into a field that would drop the text.
  await picker.fill("regr");
  await expect(add).toBeVisible();
  await add.click();
  await expect(page.getByRole("button", { name: "Remove label regression" })).toBeVisible();

  // The board shows it on the card; a rename in settings reaches the open board live.
  board = `/orgs/${orgId}/projects/LAB`;
  await page.goto(board);
  await waitForHydration(page);
  await expect(page.getByTestId("card-LAB-1").getByTestId("label-chip")).toHaveText("regression");
});

test("a rename reaches the open board live, and from the settings page too", async () => {
  // A fresh load, its board hydrated (its Move button enabled): nothing left over from the
  // previous page (a change heard while the board was not yet mounted is caught up on mount).
  await page.goto(board);
  await waitForHydration(page);
  await expect(page.getByRole("button", { name: "Move LAB-1…" })).toBeEnabled();
  const taskCard = page.getByTestId("card-LAB-1");
  // The board hears changes once its live connection is open (a change made before that shows
  // on the next load): rename only then.
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  const labels = await query<{ id: string }[]>(page, "label.list", { orgId });
  // What the board asks for after the event: its columns, which show labels, and not its
  // column counts, which do not (nor any other task query).
  const asked: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/trpc/")) asked.push(...pathname.slice(6).split(","));
  });
  await call(page, "label.update", { orgId, labelId: labels[0]!.id, name: "flaky test" });
  await expect(taskCard.getByTestId("label-chip")).toHaveText("flaky test");
  expect(asked).toContain("task.list");
  expect(asked).not.toContain("task.counts");

  // And through the settings page too, with the count of tasks carrying it.
  await page.goto(`/orgs/${orgId}/settings`);
  await waitForHydration(page);
  const card = page.getByRole("region", { name: "Labels" });
  const row = card.getByTestId("label-row");
  await expect(row).toContainText("1 task");
  await row.getByLabel("Name of label flaky test").fill("known flake");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("label-chip")).toHaveText("known flake");
  await page.goto(board);
  await waitForHydration(page);
  await expect(page.getByTestId("card-LAB-1").getByTestId("label-chip")).toHaveText("known flake");
});

test("deleting a label asks first, then takes it off the task", async () => {
  await page.goto(`/orgs/${orgId}/settings`);
  await waitForHydration(page);
  const card = page.getByRole("region", { name: "Labels" });
  await card.getByRole("button", { name: "Delete label known flake" }).click();
  await page
    .getByRole("dialog", { name: "Delete label “known flake”?" })
    .getByRole("button", { name: "Delete label" })
    .click();
  await expect(card.getByText("No labels yet")).toBeVisible();
  await page.goto(board);
  await waitForHydration(page);
  await expect(page.getByTestId("card-LAB-1").getByTestId("label-chip")).toHaveCount(0);
});
