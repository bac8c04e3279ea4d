import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call, signUp, signUpWithProject, waitForHydration } from "./helpers.ts";

// A page is rendered on the server, then opens its live subscription once hydrated. A change
// made in between must still reach it: the subscription starts from the stream position the
// server read before the page's data, and replays what came after.
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");

interface TrpcMessage {
  method?: string;
  params?: { path?: string; input?: { json?: { lastEventId?: string | null } } };
}

/**
 * Holds the page's `path` subscription on its way to the API (the tab's one WebSocket carries
 * every subscription; the others pass) until `release()` sends it on.
 */
async function holdSubscription(page: Page, path: string) {
  const held: string[] = [];
  let released = false;
  let send: (message: string) => void = () => undefined;
  let heldOne!: (message: TrpcMessage) => void;
  const opened = new Promise<TrpcMessage>((resolve) => {
    heldOne = resolve;
  });
  await page.routeWebSocket(/\/trpc$/, (socket) => {
    const server = socket.connectToServer();
    send = (message) => {
      server.send(message);
    };
    socket.onMessage((raw) => {
      if (typeof raw !== "string") {
        server.send(raw);
        return;
      }
      // tRPC batches what it sends at once into an array; the server takes them one by one.
      const parsed = JSON.parse(raw) as TrpcMessage | TrpcMessage[];
      for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
        const text = JSON.stringify(message);
        if (!released && message.method === "subscription" && message.params?.path === path) {
          held.push(text);
          heldOne(message);
        } else server.send(text);
      }
    });
  });
  return {
    /** The subscription's opening message, once the page has sent it (and it is held). */
    opened,
    release() {
      released = true;
      for (const message of held.splice(0)) send(message);
    },
  };
}

/** A new person with an organization and a project (`key`): their ids. */
function newProject(page: Page, key: string) {
  return signUpWithProject(
    page,
    { name: "Gap Watcher", email: `gap-${key.toLowerCase()}-${run}@example.com` },
    `Gap ${key} ${run}`,
    { name: `Gap ${key}`, key },
  );
}

test("a task created between the board's render and its live connection appears", async ({
  page,
}) => {
  const { orgId, projectId } = await newProject(page, "GAP");
  await call(page, "task.create", {
    orgId,
    projectId,
    title: "Already there",
    status: "todo",
  });

  const subscription = await holdSubscription(page, "live.project");
  await page.goto(`/orgs/${orgId}/projects/GAP`);
  await waitForHydration(page);
  const column = page.getByTestId("column-todo");
  await expect(column.getByTestId("card-GAP-1")).toBeVisible();
  // The page asked to subscribe from the position its server render read first.
  const opening = await subscription.opened;
  expect(opening.params?.input?.json?.lastEventId).toMatch(/^\d+-\d+$/);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "connecting");

  // The change lands after the page's data was read, before its subscription is open.
  await call(page, "task.create", {
    orgId,
    projectId,
    title: "Made in the gap",
    status: "todo",
  });
  await expect(column.getByTestId("card-GAP-2")).toHaveCount(0);

  subscription.release();
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  // Replayed on connecting: no reload, no other event to bring it in.
  await expect(column.getByTestId("card-GAP-2")).toBeVisible({ timeout: 5_000 });
  await expect(column.getByTestId("card-GAP-2")).toContainText("Made in the gap");
});

test("a task renamed between its page's render and its live connection shows the new title", async ({
  page,
}) => {
  const { orgId, projectId } = await newProject(page, "GPT");
  const task = await call<{ id: string }>(page, "task.create", {
    orgId,
    projectId,
    title: "The title it had",
  });

  const subscription = await holdSubscription(page, "live.task");
  await page.goto(`/orgs/${orgId}/tasks/GPT-1`);
  await waitForHydration(page);
  await expect(page.getByTestId("task-title")).toHaveText("The title it had");
  await subscription.opened;

  await call(page, "task.update", { orgId, taskId: task.id, title: "Renamed in the gap" });
  subscription.release();
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("task-title")).toHaveText("Renamed in the gap", { timeout: 5_000 });
});

test("a notification made between the bell's count and its live connection is counted", async ({
  page,
  browser,
}) => {
  const adaPage = await (await browser.newContext()).newPage();
  try {
    const { orgId, projectId } = await newProject(adaPage, "GPN");
    const task = await call<{ id: string }>(adaPage, "task.create", {
      orgId,
      projectId,
      title: "Review",
    });
    const invitation = await call<{ acceptUrl: string }>(adaPage, "invitation.create", {
      orgId,
      email: `gap-bell-${run}@example.com`,
      role: "member",
    });
    await signUp(page, { name: "Gap Bell", email: `gap-bell-${run}@example.com` });
    await expect(page).toHaveURL(/\/onboarding$/);
    await page.goto(invitation.acceptUrl);
    await waitForHydration(page);
    await page.getByRole("button", { name: /Accept and join/ }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}`));

    // The bell reads its count, then opens live.me: held here until the mention is made.
    const subscription = await holdSubscription(page, "live.me");
    const counted = page.waitForResponse((res) => res.url().includes("notification.unreadCount"));
    await page.goto(`/orgs/${orgId}`);
    await waitForHydration(page);
    await counted;
    await subscription.opened;
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAccessibleName("Notifications");

    await call(adaPage, "comment.create", {
      orgId,
      taskId: task.id,
      body: `Could you look, @gap-bell-${run}@example.com?`,
    });
    subscription.release();
    // Counted on connecting, well before the bell's slow refresh (two minutes) would.
    await expect(page.getByTestId("unread-badge")).toHaveText("1", { timeout: 5_000 });
  } finally {
    await adaPage.context().close();
  }
});
