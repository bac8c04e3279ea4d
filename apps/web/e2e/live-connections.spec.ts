import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call, signUp, signUpWithProject, waitForHydration } from "./helpers.ts";

// A browser keeps six HTTP/1.1 connections per origin for all its tabs together. Live updates
// must not use them up: each tab carries all its subscriptions over one WebSocket.
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
const TABS = 5;

/** An ordinary query from inside the page, through the browser's own connection pool. */
function queryStatus(page: Page): Promise<number> {
  return page.evaluate(() =>
    fetch("/trpc/auth.me", { signal: AbortSignal.timeout(15_000) }).then(
      (res) => res.status,
      () => 0,
    ),
  );
}

test(`${TABS} tabs on one board: one live connection each, queries answer, events reach all`, async ({
  browser,
}) => {
  // Five tabs each load the board: a liveness bound for a busy 2-core machine, not a speed goal.
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  const { orgId, projectId } = await signUpWithProject(
    first,
    { name: "Tab Keeper", email: `tabs-${run}@example.com` },
    `Tabs ${run}`,
    { name: "Tabs board", key: "TABS" },
  );

  // Subscriptions over HTTP (SSE) would show up here; over the socket they do not.
  const streams: string[] = [];
  context.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/trpc/live.")) streams.push(request.url());
  });
  const tabs: Page[] = [first];
  while (tabs.length < TABS) tabs.push(await context.newPage());
  const sockets = new Map<Page, string[]>();
  for (const tab of tabs) {
    sockets.set(tab, []);
    tab.on("websocket", (socket) => sockets.get(tab)?.push(new URL(socket.url()).pathname));
    await tab.goto(`/orgs/${orgId}/projects/TABS`);
    await waitForHydration(tab);
    await expect(tab.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  }
  // The board's three subscriptions (the project, who is viewing, the person's own stream)
  // share one socket to the page's own origin.
  for (const tab of tabs) expect(sockets.get(tab)).toEqual(["/trpc"]);
  expect(streams).toEqual([]);

  // Ordinary queries still get a connection in every tab.
  for (const tab of tabs) expect(await queryStatus(tab)).toBe(200);

  // And a change reaches every tab.
  await call(first, "task.create", {
    orgId,
    projectId,
    title: "Seen in every tab",
    status: "todo",
  });
  for (const tab of tabs)
    await expect(tab.getByTestId("column-todo").getByTestId("card-TABS-1")).toBeVisible();
  await context.close();
});

test("the members page shows someone who accepts an invitation, without a reload", async ({
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { name: "Member Keeper", email: `keeper-${run}@example.com` });
  await expect(owner).toHaveURL(/\/onboarding$/);
  const org = await call<{ id: string }>(owner, "org.create", { name: `Members ${run}` });
  const guest = { name: "Joining Guest", email: `guest-${run}@example.com` };
  const invitation = await call<{ acceptUrl: string }>(owner, "invitation.create", {
    orgId: org.id,
    email: guest.email,
    role: "member",
  });
  await owner.goto(`/orgs/${org.id}/members`);
  await waitForHydration(owner);
  await expect(owner.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  const members = owner.locator("section[aria-labelledby='members-heading']");
  await expect(members.getByText("1 member", { exact: true })).toBeVisible();

  const joiner = await (await browser.newContext()).newPage();
  await signUp(joiner, guest);
  await expect(joiner).toHaveURL(/\/onboarding$/);
  const link = new URL(invitation.acceptUrl);
  await joiner.goto(`${link.pathname}${link.search}`);
  await joiner.getByRole("button", { name: /^Accept and join/ }).click();
  await expect(joiner).toHaveURL(new RegExp(`/orgs/${org.id}$`));

  await expect(members.getByText(guest.name, { exact: true }).first()).toBeVisible();
  await expect(members.getByText("2 members", { exact: true })).toBeVisible();
  await joiner.context().close();
  await owner.context().close();
});
