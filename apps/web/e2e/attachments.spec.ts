import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrg, createProject, signUp, waitForHydration } from "./helpers.ts";
import { noisePng } from "./png.ts";

// A member attaches an image to a task: it goes straight from the browser to storage with a
// progress bar, is checked by the API, then listed (with its thumbnail once one is made),
// downloaded under its name and deleted. Refusals are explained.
test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
let page: Page;
let taskUrl = "";

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  await signUp(page, { name: "Ada Files", email: `ada-${run}@example.com` });
  const orgId = await createOrg(page, `Files ${run}`);
  await createProject(page, orgId, { name: "Assets", key: "AST" });
  await waitForHydration(page);
  await page.getByRole("button", { name: /New task/ }).click();
  const taskDialog = page.getByTestId("create-task-dialog");
  await taskDialog.getByLabel("Title").fill("Pick the hero image");
  await taskDialog.getByRole("button", { name: "Create task" }).click();
  await expect(taskDialog).not.toBeVisible();
  taskUrl = `/orgs/${orgId}/tasks/AST-1`;
});

test.afterAll(async () => {
  await page.context().close();
});

test("an image is uploaded with progress, listed, downloaded and deleted", async () => {
  await page.goto(taskUrl);
  await waitForHydration(page);
  const files = page.getByRole("region", { name: /Files/ });
  await expect(files.getByText("No files attached.")).toBeVisible();

  // About 1.2 MB at a throttled 400 KB/s: long enough to watch the bar move.
  const image = noisePng(640, 640);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 400 * 1024,
  });
  await files.getByLabel("Attach files").setInputFiles({
    name: "hero shot.png",
    mimeType: "image/png",
    buffer: image,
  });
  const progress = files.getByRole("progressbar", { name: "Uploading hero shot.png" });
  await expect(progress).toBeVisible();
  await expect
    .poll(() => progress.evaluate((el) => (el as HTMLProgressElement).value), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  const item = files.getByTestId("attachment").filter({ hasText: "hero shot.png" });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(files.getByTestId("attachment-upload")).toHaveCount(0);
  await expect(item).toContainText(/1\.\d MB/);
  // The attachment.process job makes the thumbnail in the background; the list looks again
  // until it is there.
  const thumbnail = item.getByTestId("attachment-thumbnail");
  await expect(thumbnail).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  await expect(item).toContainText("640×640");
  await expect(page.getByTestId("task-history")).toContainText("attached a file: hero shot.png");

  const downloading = page.waitForEvent("download");
  await item.getByRole("button", { name: "Download hero shot.png" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("hero shot.png");
  const saved = await download.path();
  expect(Buffer.compare(await readFile(saved), image)).toBe(0);

  await item.getByRole("button", { name: "Delete hero shot.png" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete hero shot.png?" });
  await confirm.getByRole("button", { name: "Delete file" }).click();
  await expect(files.getByText("No files attached.")).toBeVisible();
});

test("files that cannot be attached are refused with the reason", async () => {
  await page.goto(taskUrl);
  await waitForHydration(page);
  const files = page.getByRole("region", { name: /Files/ });
  await files.getByLabel("Attach files").setInputFiles([
    { name: "tool.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ....") },
    // Declared a PNG, but its bytes are text: the API checks what arrived.
    { name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not really an image") },
  ]);
  const refused = files.getByTestId("attachment-upload");
  await expect(refused.filter({ hasText: "tool.exe" })).toContainText(
    "Files of type application/x-msdownload cannot be attached",
  );
  await expect(refused.filter({ hasText: "fake.png" })).toContainText(
    "The file's contents are not image/png",
  );
  await refused
    .filter({ hasText: "tool.exe" })
    .getByRole("button", { name: /Dismiss/ })
    .click();
  await expect(refused.filter({ hasText: "tool.exe" })).toHaveCount(0);
  await expect(files.getByText("No files attached.")).toBeVisible();
});
