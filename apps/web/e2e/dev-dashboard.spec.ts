import { expect, test } from "@playwright/test";
import { signUp, snap } from "./helpers.ts";

test("a sign-up's trace, with the email job it caused, is on /dev", async ({ page }, testInfo) => {
  await signUp(page, { name: "Tracy", email: "tracy@example.com" });
  await expect(page).not.toHaveURL(/\/sign-up/);

  await page.goto("/dev");
  await expect(page.getByRole("heading", { name: "Development dashboard" })).toBeVisible();
  const trace = page.getByTestId("dev-trace").filter({ hasText: "POST /trpc/auth.signUp" });
  await expect(trace.first()).toBeVisible();
  // The verification email's job joins the trace once it has run: reload until it has.
  await expect(async () => {
    await page.goto("/dev");
    await page
      .getByTestId("dev-trace")
      .filter({ hasText: "POST /trpc/auth.signUp" })
      .first()
      .click();
    await expect(page.getByTestId("waterfall")).toBeVisible();
    await expect(
      page.getByTestId("waterfall-span").and(page.locator('[data-name="job mail.send"]')),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(
    page.getByTestId("waterfall-span").and(page.locator('[data-name="trpc auth.signUp"]')),
  ).toBeVisible();
  await snap(page, testInfo, "dev-trace");

  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page.getByTestId("dev-slowest")).toContainText("auth.signUp");
  await expect(page.getByTestId("dev-jobs")).toContainText("mail.send");
});
