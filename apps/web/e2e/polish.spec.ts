import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  call,
  horizontalOverflow,
  password,
  query,
  signUp,
  signUpWithProject,
  waitForHydration,
} from "./helpers.ts";

const run = randomBytes(4).toString("hex");

/** A person who has just signed up, with an organization and an ENG project of their own. */
async function ownerWithProject(page: Page, name: string) {
  const email = `${name.toLowerCase()}-${run}-${randomBytes(2).toString("hex")}@example.com`;
  const ids = await signUpWithProject(page, { name, email }, `${name}'s team ${run}`, {
    name: "Engineering",
    key: "ENG",
  });
  return { ...ids, email };
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("the activity log reads as sentences that link to the task, and filters by kind", async ({
  page,
}) => {
  const { orgId, projectId } = await ownerWithProject(page, "Ada");
  const task = await call<{ id: string }>(page, "task.create", {
    orgId,
    projectId,
    title: "Fix login",
  });
  await call(page, "task.move", { orgId, taskId: task.id, status: "done" });
  const invitee = `cy-${run}@example.com`;
  await call(page, "invitation.create", { orgId, email: invitee, role: "member" });

  await page.goto(`/orgs/${orgId}/activity`);
  await waitForHydration(page);
  const entries = page.getByTestId("activity-entry");
  const moved = entries.filter({ hasText: "moved ENG-1" });
  await expect(moved).toContainText("Ada moved ENG-1 “Fix login” to Done");
  await expect(entries.filter({ hasText: "invited" })).toContainText(
    `Ada invited ${invitee} as Member`,
  );

  // Only invitations: the task entries go.
  await page.getByLabel("Kind").selectOption({ label: "Invitations" });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText(invitee);
  await page.getByLabel("Kind").selectOption({ label: "Tasks" });
  await expect(entries).toHaveCount(2);

  await moved.getByRole("link", { name: "ENG-1" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/tasks/ENG-1$`));
  await expect(page.getByRole("heading", { name: "Fix login" })).toBeVisible();
});

test("markdown shows GitHub tables, and ticking a task-list box saves the description", async ({
  page,
}) => {
  const { orgId, projectId } = await ownerWithProject(page, "Bea");
  const description = [
    "| Step | Owner |",
    "| --- | --- |",
    "| Ship | Bea |",
    "",
    "- [ ] Write tests",
    "- [x] Review <b>code</b>",
  ].join("\n");
  await call(page, "task.create", { orgId, projectId, title: "Release", description });

  await page.goto(`/orgs/${orgId}/tasks/ENG-1`);
  await waitForHydration(page);
  const shown = page.getByTestId("task-description");
  await expect(shown.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await expect(shown.getByRole("cell", { name: "Bea" })).toBeVisible();
  // Raw HTML stays text.
  await expect(shown).toContainText("Review <b>code</b>");

  const box = shown.getByRole("checkbox", { name: "Write tests" });
  await expect(box).not.toBeChecked();
  await box.click();
  await expect(box).toBeChecked();
  await expect
    .poll(
      async () =>
        (await query<{ description: string }>(page, "task.get", { orgId, ref: "ENG-1" }))
          .description,
    )
    .toContain("- [x] Write tests");

  await page.reload();
  await waitForHydration(page);
  await expect(shown.getByRole("checkbox", { name: "Write tests" })).toBeChecked();
  await expect(shown.getByRole("checkbox", { name: /^Review/ })).toBeChecked();
});

test("a description edited meanwhile by someone else is not overwritten, and the draft is kept", async ({
  page,
}) => {
  const { orgId, projectId } = await ownerWithProject(page, "Cas");
  const task = await call<{ id: string }>(page, "task.create", {
    orgId,
    projectId,
    title: "Plan",
    description: "First draft",
  });
  await page.goto(`/orgs/${orgId}/tasks/ENG-1`);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Edit description" }).click();
  const editor = page.getByRole("textbox", { name: "Description" });
  await editor.fill("My version");
  // Another tab (the same API, as anyone else would reach it) saves first.
  await call(page, "task.update", { orgId, taskId: task.id, description: "Their version" });
  await page.getByRole("button", { name: "Save description" }).click();
  await expect(page.getByText(/Someone else changed this description meanwhile/)).toBeVisible();
  await expect(editor).toHaveValue("My version");
  expect(
    (await query<{ description: string }>(page, "task.get", { orgId, ref: "ENG-1" })).description,
  ).toBe("Their version");
});

test("an invited person signs up with the invited address prefilled, already verified", async ({
  page,
  browser,
}) => {
  const { orgId } = await ownerWithProject(page, "Dan");
  const email = `eve-${run}@example.com`;
  const { acceptUrl } = await call<{ acceptUrl: string }>(page, "invitation.create", {
    orgId,
    email,
    role: "member",
  });
  const link = new URL(acceptUrl);

  const eve = await newPage(browser);
  await eve.goto(`${link.pathname}${link.search}`);
  await waitForHydration(eve);
  await eve.getByRole("link", { name: "Create an account" }).click();
  await expect(eve).toHaveURL(/\/sign-up\?next=/);
  await waitForHydration(eve);
  await expect(eve.getByLabel("Email")).toHaveValue(email);
  await expect(eve.getByText("it needs no confirming")).toBeVisible();
  await eve.getByLabel("Your name").fill("Eve");
  await eve.getByLabel("Password").fill(password);
  await eve.getByRole("button", { name: "Create account" }).click();

  await expect(eve).toHaveURL(/\/invitations\/accept\?token=/);
  await waitForHydration(eve);
  await eve.getByRole("button", { name: /^Accept and join/ }).click();
  await expect(eve).toHaveURL(new RegExp(`/orgs/${orgId}$`));
  const me = await query<{ user: { emailVerifiedAt: string | null } }>(eve, "auth.me");
  expect(me.user.emailVerifiedAt).not.toBeNull();
  await eve.context().close();
});

test("a role saves when chosen and can be undone; the organization tabs work at 390 px", async ({
  page,
  browser,
}) => {
  // Two sign-ups (each an argon2 hash) and an invitation before the members page: slow on a busy machine.
  test.setTimeout(240_000);
  const { orgId } = await ownerWithProject(page, "Fay");
  const gus = { name: "Gus", email: `gus-${run}@example.com` };
  const { acceptUrl } = await call<{ acceptUrl: string }>(page, "invitation.create", {
    orgId,
    email: gus.email,
    role: "member",
  });
  const gusPage = await newPage(browser);
  await signUp(gusPage, gus);
  await expect(gusPage).toHaveURL(/\/onboarding$/);
  await call(gusPage, "invitation.accept", {
    token: new URL(acceptUrl).searchParams.get("token"),
  });
  await gusPage.context().close();

  await page.goto(`/orgs/${orgId}/members`);
  await waitForHydration(page);
  const role = page.getByTestId(`member-${gus.email}`).getByLabel(`Role of ${gus.name}`);
  await expect(role).toHaveValue("member");
  await role.selectOption("admin");
  const toast = page.getByText("Gus is now admin");
  await expect(toast).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Gus is member again")).toBeVisible();
  await expect(role).toHaveValue("member");
  await page.reload();
  await waitForHydration(page);
  await expect(role).toHaveValue("member");

  // Stepping with the arrow keys saves nothing on the way (owner, on the way to admin, least of
  // all); Enter saves the role stepped to.
  const roleOf = async () =>
    (await query<{ email: string; role: string }[]>(page, "member.list", { orgId })).find(
      (m) => m.email === gus.email,
    )?.role;
  await role.focus();
  await role.press("ArrowUp");
  await role.press("ArrowUp");
  await expect(role).toHaveValue("owner");
  await role.press("ArrowDown");
  await expect(role).toHaveValue("admin");
  await expect(page.getByText("Enter to save")).toBeVisible();
  expect(await roleOf()).toBe("member");
  await role.press("Enter");
  await expect(page.getByText("Gus is now admin")).toBeVisible();
  expect(await roleOf()).toBe("admin");
  await expect(page.getByText("Gus is now owner")).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 800 });
  const tabs = page.getByRole("navigation", { name: "Organization" });
  await tabs.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/settings$`));
  await expect(tabs.getByRole("link", { name: "Settings" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(tabs.getByRole("link", { name: "Settings" })).toBeInViewport();
  await tabs.getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/activity$`));
  expect(await horizontalOverflow(page)).toBe(0);
});

test("two task-list boxes ticked in quick succession are both saved, in order", async ({
  page,
}) => {
  const { orgId, projectId } = await ownerWithProject(page, "Tia");
  const description = ["- [ ] Draft", "- [ ] Review", "- [ ] Publish"].join("\n");
  await call(page, "task.create", { orgId, projectId, title: "Post", description });
  await page.goto(`/orgs/${orgId}/tasks/ENG-1`);
  await waitForHydration(page);
  const shown = page.getByTestId("task-description");

  // The first save is held on its way out: the second tick must wait for it, not overtake it
  // (it names the text the first one makes, so arriving first it would be refused).
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const sent: string[] = [];
  await page.route("**/trpc/*task.update*", async (route) => {
    sent.push(route.request().postData() ?? "");
    if (sent.length === 1) await held;
    await route.continue();
  });
  await shown.getByRole("checkbox", { name: "Draft" }).click();
  await expect.poll(() => sent.length).toBe(1);
  await shown.getByRole("checkbox", { name: "Publish" }).click();
  await expect(shown.getByRole("checkbox", { name: "Publish" })).toBeChecked();
  // While the first is held, the second has not been sent.
  await expect(shown.getByRole("checkbox", { name: "Draft" })).toBeChecked();
  expect(sent).toHaveLength(1);
  release();
  await expect
    .poll(
      async () =>
        (await query<{ description: string }>(page, "task.get", { orgId, ref: "ENG-1" }))
          .description,
    )
    .toBe(["- [x] Draft", "- [ ] Review", "- [x] Publish"].join("\n"));
  expect(sent).toHaveLength(2);
  await expect(page.getByTestId("task-save-error")).toHaveCount(0);
});
