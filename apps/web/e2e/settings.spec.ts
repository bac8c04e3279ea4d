import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrg, serialSession, signIn, signUp, waitForHydration } from "./helpers.ts";

// One owner's settings: the forms that save in place, and the rows that act on one item each.
const run = randomBytes(4).toString("hex");
const dora = { name: "Dora Hartree", email: `dora-${run}@example.com` };
let page: Page;
let orgId = "";

serialSession((opened) => (page = opened));

test.beforeAll(async () => {
  await signUp(page, dora);
  orgId = await createOrg(page, `Differential Analysers ${run}`);
});

test("the profile and the organization's name save in place; the next edit clears Saved.", async () => {
  await page.goto("/account");
  await waitForHydration(page);
  const profile = page.getByRole("region", { name: "Profile" });
  const name = profile.getByLabel("Name", { exact: true });
  await name.fill("");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Enter your name")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  // Typing clears the error at once.
  await name.fill("Dora Hartree-Smith");
  await expect(profile.getByText("Enter your name")).toHaveCount(0);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");
  // The header, which the server renders, shows the new name.
  await expect(page.getByRole("button", { name: "Account: Dora Hartree-Smith" })).toBeVisible();
  await name.fill("Dora Hartree-Smith ");
  await expect(profile.getByRole("status")).toHaveCount(0);

  await page.goto(`/orgs/${orgId}/settings`);
  await waitForHydration(page);
  const rename = page.getByRole("region", { name: "Name", exact: true });
  const orgName = rename.getByLabel("Organization name");
  await orgName.fill("D");
  await rename.getByRole("button", { name: "Save name" }).click();
  await expect(rename.getByText("Use at least 2 characters")).toBeVisible();
  await expect(orgName).toBeFocused();
  await orgName.fill(`Hartree Engines ${run}`);
  await rename.getByRole("button", { name: "Save name" }).click();
  await expect(rename.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("org-switcher-current")).toHaveText(`Hartree Engines ${run}`);
});

test("a token, an invitation and another session are each revoked from their own row", async ({
  browser,
}) => {
  await page.goto("/account");
  await waitForHydration(page);
  const tokens = page.getByRole("region", { name: "API tokens" });
  await tokens.getByLabel("Token name").fill("ci");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const token = tokens.getByTestId("token-ci");
  await token.getByRole("button", { name: "Revoke ci" }).click();
  await expect(token).toContainText("Revoked");
  await expect(token.getByRole("button")).toHaveCount(0);

  const invitee = `eli-${run}@example.com`;
  await page.goto(`/orgs/${orgId}/members`);
  await waitForHydration(page);
  await page.getByLabel("Email address").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const invitation = page.getByTestId(`invitation-${invitee}`);
  await invitation.getByRole("button", { name: `Revoke the invitation for ${invitee}` }).click();
  await expect(invitation).toHaveCount(0);

  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await signIn(other, dora.email);
  await page.goto("/account");
  await waitForHydration(page);
  const session = page.getByTestId("session");
  await expect(session).toHaveCount(1);
  // Named for the device, so each row's button is told apart.
  await session.getByRole("button", { name: /^Sign out \S/ }).click();
  await expect(session).toHaveCount(0);
  await expect(page.getByTestId("session-current").getByRole("button")).toHaveCount(0);
  await other.context().close();
});
