import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call, signUp, signUpWithProject, waitForHydration } from "./helpers.ts";

// Two people on one board in two browsers: what one does, the other sees without reloading.
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
const ada = { name: "Ada Live", email: `ada-live-${run}@example.com` };
const ben = { name: "Ben Live", email: `ben-live-${run}@example.com` };

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("a card moved by one person appears on the other's board", async ({ browser }) => {
  const adaPage = await newPage(browser);
  const { orgId, projectId } = await signUpWithProject(adaPage, ada, `Live ${run}`, {
    name: "Live board",
    key: "LIVE",
  });
  await call(adaPage, "task.create", {
    orgId,
    projectId,
    title: "Watch me move",
    status: "todo",
  });
  const invitation = await call<{ acceptUrl: string }>(adaPage, "invitation.create", {
    orgId,
    email: ben.email,
    role: "member",
  });

  const benPage = await newPage(browser);
  await signUp(benPage, ben);
  await expect(benPage).toHaveURL(/\/onboarding$/);
  const link = new URL(invitation.acceptUrl);
  await benPage.goto(`${link.pathname}${link.search}`);
  await benPage.getByRole("button", { name: /^Accept and join/ }).click();
  await expect(benPage).toHaveURL(new RegExp(`/orgs/${orgId}$`));

  const board = `/orgs/${orgId}/projects/LIVE`;
  for (const page of [adaPage, benPage]) {
    await page.goto(board);
    await waitForHydration(page);
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  }
  // Each sees the other among the board's viewers.
  await expect(adaPage.getByRole("list", { name: `Also viewing: ${ben.name}` })).toBeVisible();
  await expect(benPage.getByRole("list", { name: `Also viewing: ${ada.name}` })).toBeVisible();

  const benColumn = (status: string) => benPage.getByTestId(`column-${status}`);
  await expect(benColumn("todo").getByTestId("card-LIVE-1")).toBeVisible();
  await adaPage.getByTestId("card-LIVE-1").dragTo(adaPage.getByTestId("column-in_progress"));
  await expect(adaPage.getByTestId("column-in_progress").getByTestId("card-LIVE-1")).toBeVisible();
  // The bound: another person's move shows within two seconds.
  await expect(benColumn("in_progress").getByTestId("card-LIVE-1")).toBeVisible({
    timeout: 2_000,
  });
  await expect(benColumn("todo").getByTestId("card-LIVE-1")).toHaveCount(0);

  // A task created by Ben appears on Ada's board too.
  await call(benPage, "task.create", {
    orgId,
    projectId,
    title: "Made by Ben",
    status: "backlog",
  });
  await expect(adaPage.getByTestId("column-backlog").getByTestId("card-LIVE-2")).toBeVisible({
    timeout: 2_000,
  });

  // When Ben leaves, Ada's board no longer lists him as a viewer.
  await benPage.context().close();
  await expect(adaPage.getByTestId("viewers")).toHaveCount(0);
  await adaPage.context().close();
});
