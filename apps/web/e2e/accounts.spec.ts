import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createTesseractClient } from "@tesseract/client";
import { horizontalOverflow, password, signIn, signUp, snap, waitForHydration } from "./helpers.ts";
import { apiUrl, webUrl } from "./servers.ts";

// One story in steps that build on each other: A's organization, B's invitation, A's token.
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
const ada = { name: "Ada Lovelace", email: `ada-${run}@example.com` };
const bob = { name: "Bob Babbage", email: `bob-${run}@example.com` };
const orgName = `Analytical Engines ${run}`;
let orgId = "";
let adaToken = "";

/** Opens the development inbox and follows the link in the newest email to `to` about `subject`. */
async function followEmailLink(page: Page, to: string, subject: RegExp) {
  const message = page
    .getByTestId("inbox-message")
    .filter({ has: page.getByRole("heading", { name: subject }) })
    .and(page.locator(`[data-to="${to}"]`))
    .first();
  // Some emails are sent just after the API answers; look again until it has arrived.
  await expect(async () => {
    await page.goto("/dev/inbox");
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await message.getByRole("link").first().click();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("the sign-in form explains an empty submit and a wrong password", async ({
  page,
}, testInfo) => {
  await page.goto("/sign-in");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toBeFocused();
  await snap(page, testInfo, "sign-in-errors");

  await page.getByLabel("Email").fill(`nobody-${run}@example.com`);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect");
});

test("A signs up, confirms the email and creates an organization", async ({ page }, testInfo) => {
  await signUp(page, ada);
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${ada.name}` })).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toBeVisible();
  await snap(page, testInfo, "onboarding");

  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("Use at least 2 characters")).toBeVisible();
  await page.getByLabel("Organization name").fill(orgName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/orgs\/[0-9a-f-]{36}$/);
  orgId = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await expect(page.getByTestId("my-role")).toHaveText("Owner");
  await expect(page.getByTestId("org-switcher-current")).toHaveText(orgName);
  await snap(page, testInfo, "org-overview");

  // On a wide page (a board: main-column.tsx) the banner's text lines up with the header's.
  await page.goto(`/orgs/${orgId}/projects/NOPE`);
  await waitForHydration(page);
  const inner = (selector: string) =>
    page.locator(selector).locator(":scope > div").first().boundingBox();
  const header = await inner("header");
  const banner = await inner('[data-testid="verify-email-banner"]');
  expect(banner?.x).toBe(header?.x);
  expect(banner?.width).toBe(header?.width);

  await followEmailLink(page, ada.email, /Confirm your email/);
  await expect(page.getByTestId("email-verified")).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
});

test("A invites B, who signs up and accepts through the emailed link", async ({
  page,
  browser,
}, testInfo) => {
  await page.goto("/sign-in");
  await signIn(page, ada.email);
  await page.goto(`/orgs/${orgId}/members`);
  await waitForHydration(page);
  await page.getByLabel("Email address").fill(bob.email);
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invitation-sent")).toContainText(bob.email);
  // The inviter can pass the link on themselves (without SMTP, nobody else would deliver it).
  const copiedLink = await page.getByTestId("invitation-link").inputValue();
  expect(copiedLink).toMatch(/\/invitations\/accept\?token=[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByTestId(`invitation-${bob.email}`)).toBeVisible();
  await snap(page, testInfo, "members-owner");

  const bobPage = await newPage(browser);
  await signUp(bobPage, bob);
  await expect(bobPage).toHaveURL(/\/onboarding$/);
  await followEmailLink(bobPage, bob.email, /invited you to/);
  await expect(bobPage).toHaveURL(/\/invitations\/accept\?token=/);
  expect(new URL(bobPage.url()).search).toBe(new URL(copiedLink).search);
  await expect(bobPage.getByTestId("invitation-org")).toHaveText(orgName);
  await expect(bobPage.getByTestId("invitation")).toHaveAttribute("data-status", "pending");
  await snap(bobPage, testInfo, "invitation");
  await bobPage.getByRole("button", { name: `Accept and join ${orgName}` }).click();
  await expect(bobPage).toHaveURL(new RegExp(`/orgs/${orgId}$`));
  await expect(bobPage.getByTestId("my-role")).toHaveText("Member");
  await expect(bobPage.getByTestId("org-switcher-current")).toHaveText(orgName);

  // A member sees the members but cannot manage them, nor read the activity log.
  await bobPage.goto(`/orgs/${orgId}/members`);
  await expect(bobPage.getByTestId(`member-${ada.email}`)).toContainText("Owner");
  await expect(bobPage.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(bobPage.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await bobPage.goto(`/orgs/${orgId}/activity`);
  await expect(bobPage.getByTestId("activity-forbidden")).toBeVisible();
  await bobPage.context().close();
});

test("A makes B an admin, and the change survives a reload", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await signIn(page, ada.email);
  await page.goto(`/orgs/${orgId}/members`);
  await waitForHydration(page);
  const row = page.getByTestId(`member-${bob.email}`);
  const role = row.getByLabel(`Role of ${bob.name}`);
  await expect(role).toHaveValue("member");
  // Chosen is saved: no second button.
  await role.selectOption("admin");
  await expect(page.getByText(`${bob.name} is now admin`)).toBeVisible();

  await page.reload();
  await expect(
    page.getByTestId(`member-${bob.email}`).getByLabel(`Role of ${bob.name}`),
  ).toHaveValue("admin");

  await snap(page, testInfo, "members-with-admin");

  await page.goto(`/orgs/${orgId}/activity`);
  await expect(page.getByTestId("activity-list")).toContainText(
    `changed the role of ${bob.name} (${bob.email}) from Member to Admin`,
  );
  await snap(page, testInfo, "activity");
});

test("A creates an API token that a script can use with the token's role", async ({
  page,
}, testInfo) => {
  await page.goto("/sign-in");
  await signIn(page, ada.email);
  await page.goto("/account");
  await waitForHydration(page);
  await expect(page.getByTestId("session-current")).toBeVisible();
  await expect(page.getByTestId("session").first()).toBeVisible();

  // Earlier steps left other sessions behind; a password change ends them and says so.
  const passwordCard = page.getByRole("region", { name: "Password" });
  await passwordCard.getByLabel("Current password").fill(password);
  await passwordCard.getByLabel("New password").fill(password);
  await passwordCard.getByRole("button", { name: "Change password" }).click();
  await expect(passwordCard.getByTestId("password-changed")).toContainText(
    /Your \d+ other sessions? (was|were) signed out/,
  );
  await expect(page.getByTestId("session")).toHaveCount(0);

  const tokens = page.getByRole("region", { name: "API tokens" });
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByText("Name the token")).toBeVisible();
  await tokens.getByLabel("Token name").fill("nightly report");
  await tokens.getByLabel("Role", { exact: true }).selectOption("admin");
  await tokens.getByLabel("Expires after (days)").fill("30");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const secretField = tokens.getByTestId("token-secret");
  await expect(secretField).toHaveValue(/^\S{20,}$/);
  const secret = await secretField.inputValue();
  adaToken = secret;
  await expect(tokens.getByTestId("token-nightly report")).toContainText("Admin");
  await snap(page, testInfo, "account");

  const client = createTesseractClient({ url: apiUrl, token: secret });
  const org = await client.org.get.query({ orgId });
  expect(org).toMatchObject({ id: orgId, name: orgName, role: "admin" });
  const members = await client.member.list.query({ orgId });
  expect(members.map((member) => [member.email, member.role]).sort()).toEqual(
    [
      [ada.email, "owner"],
      [bob.email, "admin"],
    ].sort(),
  );
});

test("a signed-out visit goes through sign-in and comes back", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, ada.email);
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}$`));
  await waitForHydration(page);
  await page.getByRole("button", { name: `Account: ${ada.name}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  const members = `/orgs/${orgId}/members`;
  await page.goto(members);
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(members)}`);
  await signIn(page, ada.email);
  await expect(page).toHaveURL(members);
  await expect(page.getByTestId(`member-${bob.email}`)).toBeVisible();
});

test("B resets a forgotten password through the emailed link", async ({ page }, testInfo) => {
  await page.goto("/forgot-password");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.getByLabel("Email").fill(bob.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText("If an account uses this email");

  await followEmailLink(page, bob.email, /Reset your Tesseract password/);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await waitForHydration(page);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  const newPassword = "a much better passphrase";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("password-reset")).toBeVisible();
  await snap(page, testInfo, "password-reset");

  await page.getByRole("link", { name: "Sign in", exact: true }).last().click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, bob.email, newPassword);
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}$`));
});

test("an owner deletes an organization after typing its name", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await signIn(page, ada.email);
  await page.getByRole("button", { name: /Switch organization/ }).click();
  await page.getByRole("link", { name: "New organization" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await waitForHydration(page);
  const scratch = `Scratch ${run}`;
  await page.getByLabel("Organization name").fill(scratch);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByTestId("org-switcher-current")).toHaveText(scratch);
  const scratchId = new URL(page.url()).pathname.split("/")[2]!;

  await page.goto(`/orgs/${scratchId}/settings`);
  await waitForHydration(page);
  const remove = page.getByRole("button", { name: "Delete this organization" });
  await expect(remove).toBeDisabled();
  await page.getByLabel(`Type ${scratch} to confirm`).fill(scratch);
  await snap(page, testInfo, "settings-owner");
  await remove.click();
  // Back to the one organization left.
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}$`));
  await page.goto(`/orgs/${scratchId}`);
  await expect(page.getByRole("heading", { name: "Organization not found" })).toBeVisible();
});

test("/trpc passes the session cookie back and the client address on", async ({ request }) => {
  const signIn = await request.post("/trpc/auth.signIn", {
    headers: { origin: webUrl, "x-forwarded-for": "203.0.113.7" },
    data: { json: { email: ada.email, password } },
  });
  expect(signIn.status()).toBe(200);
  const cookie = signIn.headersArray().find(({ name }) => name.toLowerCase() === "set-cookie");
  expect(cookie?.value).toMatch(/^tesseract_session=[^;]+;.*HttpOnly/);

  // The request context now carries the cookie, as a browser would.
  const sessions = await request.get("/trpc/session.list");
  expect(sessions.status()).toBe(200);
  const body = (await sessions.json()) as { result: { data: { json: { ip: string | null }[] } } };
  expect(body.result.data.json.map((session) => session.ip)).toContain("203.0.113.7");
});

test("a return path to another site is ignored", async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/phish")}`);
  await signIn(page, ada.email);
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}$`));
});

test("the activity log loads older entries on demand", async ({ page }) => {
  // Enough entries for a second page, made through the API as an admin script would.
  const client = createTesseractClient({ url: apiUrl, token: adaToken });
  for (let i = 0; i < 3; i++) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        client.invitation.create.mutate({
          orgId,
          email: `guest-${run}-${i}-${j}@example.com`,
          role: "viewer",
        }),
      ),
    );
  }

  await page.goto("/sign-in");
  await signIn(page, ada.email);
  await page.goto(`/orgs/${orgId}/activity`);
  await waitForHydration(page);
  const entries = page.getByTestId("activity-list").getByRole("listitem");
  await expect(entries).toHaveCount(25);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(entries).not.toHaveCount(25);
  expect(await entries.count()).toBeGreaterThan(25);
  await expect(page.getByTestId("activity-list")).toContainText("created the organization");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("the signed-in pages fit a narrow phone screen", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/sign-in");
  await signIn(page, ada.email);
  for (const path of [`/orgs/${orgId}`, `/orgs/${orgId}/members`, "/account"]) {
    await page.goto(path);
    await waitForHydration(page);
    expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
  }
  await snap(page, testInfo, "account-narrow");
});
