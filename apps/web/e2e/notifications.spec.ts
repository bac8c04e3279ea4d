import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { call, createOrg, horizontalOverflow, signUp, snap, waitForHydration } from "./helpers.ts";

// Ada @mentions Bob in a comment, picking him from the autocomplete with the keyboard; Bob's
// bell counts it, his inbox shows it and leads to the task, and the email reaches him.
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
const ada = { name: "Ada Mentioner", email: `ada-${run}@example.com` };
const bob = { name: "Bob Mentioned", email: `bob-${run}@example.com` };
let adaPage: Page;
let bobPage: Page;
let orgId = "";

test.beforeAll(async ({ browser }) => {
  adaPage = await (await browser.newContext()).newPage();
  bobPage = await (await browser.newContext()).newPage();
});

test.afterAll(async () => {
  await adaPage.context().close();
  await bobPage.context().close();
});

test("Ada and Bob share an organization with a task", async () => {
  await signUp(adaPage, ada);
  orgId = await createOrg(adaPage, `Mentions ${run}`);
  const project = await call<{ id: string }>(adaPage, "project.create", {
    orgId,
    name: "Notify",
    key: "NTF",
  });
  await call(adaPage, "task.create", { orgId, projectId: project.id, title: "Review copy" });
  const invitation = await call<{ acceptUrl: string }>(adaPage, "invitation.create", {
    orgId,
    email: bob.email,
    role: "member",
  });

  await signUp(bobPage, bob);
  await expect(bobPage).toHaveURL(/\/onboarding$/);
  await bobPage.goto(invitation.acceptUrl);
  await waitForHydration(bobPage);
  await bobPage.getByRole("button", { name: /Accept and join/ }).click();
  await expect(bobPage).toHaveURL(new RegExp(`/orgs/${orgId}`));
  await waitForHydration(bobPage);
  await expect(bobPage.getByTestId("notification-bell")).toHaveAccessibleName("Notifications");
});

test("Ada mentions Bob through the autocomplete, by keyboard", async () => {
  await adaPage.goto(`/orgs/${orgId}/tasks/NTF-1`);
  await waitForHydration(adaPage);
  const box = adaPage.getByRole("region", { name: /Comments/ }).getByRole("textbox", {
    name: "Comment",
  });
  await box.click();
  await box.pressSequentially("Could you look, @bo");
  const listbox = adaPage.getByRole("listbox", { name: "Mention a member" });
  const option = listbox.getByRole("option", { name: new RegExp(bob.name) });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await snap(adaPage, test.info(), "mention-autocomplete");
  await box.press("Enter");
  await expect(listbox).toHaveCount(0);
  await expect(box).toHaveValue(`Could you look, @${bob.email} `);
  await box.pressSequentially("please?");
  await adaPage
    .getByRole("region", { name: /Comments/ })
    .getByRole("button", { name: "Comment" })
    .click();
  await expect(adaPage.getByTestId("comment")).toContainText(`@${bob.email} please?`);
});

test("Bob's bell counts it, his inbox shows it and leads to the task", async () => {
  await bobPage.goto(`/orgs/${orgId}`);
  await waitForHydration(bobPage);
  const bell = bobPage.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(bobPage.getByTestId("unread-badge")).toHaveText("1");
  await bell.click();
  await expect(bobPage).toHaveURL(`/orgs/${orgId}/inbox`);
  const item = bobPage.getByTestId("inbox-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`${ada.name} mentioned you on NTF-1 Review copy`);
  await expect(item).toHaveAttribute("data-unread", "true");
  await snap(bobPage, test.info(), "inbox");
  await bobPage.getByRole("button", { name: "Mark all read" }).click();
  await expect(item).not.toHaveAttribute("data-unread", "true");
  await expect(bell).toHaveAccessibleName("Notifications");
  await item.getByRole("link", { name: "NTF-1 Review copy" }).click();
  await expect(bobPage).toHaveURL(`/orgs/${orgId}/tasks/NTF-1`);
  await expect(bobPage.getByTestId("watch-toggle")).toHaveAttribute("aria-pressed", "false");
  // On a phone the header, the bell included, still fits.
  await bobPage.setViewportSize({ width: 360, height: 740 });
  for (const path of [`/orgs/${orgId}/inbox`, `/orgs/${orgId}/tasks/NTF-1`]) {
    await bobPage.goto(path);
    await waitForHydration(bobPage);
    await expect(bobPage.getByTestId("notification-bell")).toBeVisible();
    expect(await horizontalOverflow(bobPage), path).toBeLessThanOrEqual(0);
  }
  await bobPage.setViewportSize({ width: 1280, height: 720 });
});

test("the email reaches Bob with what happened and a link to the task", async () => {
  const message = bobPage
    .getByTestId("inbox-message")
    .and(bobPage.locator(`[data-to="${bob.email}"]`))
    .filter({ has: bobPage.getByRole("heading", { name: /mentioned you on NTF-1/ }) });
  // Sent by the job runtime after the comment committed: look again until it has arrived.
  await expect(async () => {
    await bobPage.goto("/dev/inbox");
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(message).toContainText(`${ada.name} mentioned you on NTF-1`);
  await message.getByRole("link", { name: new RegExp(`/orgs/${orgId}/tasks/NTF-1`) }).click();
  await expect(bobPage).toHaveURL(`/orgs/${orgId}/tasks/NTF-1`);
});
