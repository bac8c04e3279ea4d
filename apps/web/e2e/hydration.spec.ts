import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { call, signUpWithProject, waitForHydration } from "./helpers.ts";

// The task page's later sections (sub-tasks, relations) and its markdown parser are chunks of
// their own, rendered on the server and hydrated when their code arrives. What the page does
// before then is what someone on a slow connection gets: these tests hold those chunks back.

const run = randomBytes(4).toString("hex");

/**
 * Holds back every script chunk whose code contains one of `markers` until `release()`; the
 * chunks held so far are in `held`.
 */
async function holdChunks(page: Page, markers: RegExp) {
  const held = new Set<string>();
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const marker = markers.exec(body)?.[0];
    if (marker !== undefined) {
      held.add(marker);
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { held, release };
}

async function ownerWithTask(page: Page, name: string) {
  const email = `${name.toLowerCase()}-${run}@example.com`;
  const { orgId, projectId } = await signUpWithProject(page, { name, email }, `${name} ${run}`, {
    name: "Engineering",
    key: "ENG",
  });
  await call(page, "task.create", {
    orgId,
    projectId,
    title: "Plan",
    description: "First **draft**",
  });
  return `/orgs/${orgId}/tasks/ENG-1`;
}

test("the task answers clicks while its sub-tasks, relations and markdown code is on its way", async ({
  page,
}) => {
  const taskUrl = await ownerWithTask(page, "Hal");
  // The ids these sections give their headings, and a name only the markdown parser holds.
  const { held, release } = await holdChunks(page, /subtasks-heading|relations-heading|micromark/);
  await page.goto(taskUrl);
  await waitForHydration(page);
  await expect
    .poll(() => [...held].sort())
    .toEqual(["micromark", "relations-heading", "subtasks-heading"]);
  // The server's rendering of the held sections stays as it was.
  await expect(page.getByTestId("task-description")).toContainText("First draft");
  await expect(page.getByRole("heading", { name: "Sub-tasks" })).toBeVisible();

  await page.getByRole("button", { name: "Edit description" }).click();
  const editor = page.getByRole("textbox", { name: "Description" });
  await expect(editor).toHaveValue("First **draft**");
  await page.getByRole("button", { name: "Cancel" }).click();

  release();
  // The held sections come to life too.
  await page.getByLabel("New sub-task title").fill("Write it down");
  await page.getByRole("button", { name: "Add sub-task" }).click();
  await expect(page.getByRole("link", { name: /ENG-2\s*Write it down/ })).toBeVisible();
  await expect(page.getByTestId("task-description").locator("strong")).toHaveText("draft");
});

test("files picked before the page could respond are attached once it can", async ({ page }) => {
  const taskUrl = await ownerWithTask(page, "Ivy");
  // The task page's own code: nothing of the task hydrates until it arrives.
  const { held, release } = await holdChunks(page, /attachment-dropzone/);
  // Not waiting for the load event: the held script delays it.
  await page.goto(taskUrl, { waitUntil: "domcontentloaded" });
  await expect.poll(() => held.size).toBe(1);
  const files = page.getByRole("region", { name: /Files/ });
  await files
    .getByLabel("Attach files")
    .setInputFiles([
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("picked early") },
    ]);
  release();
  await waitForHydration(page);
  await expect(files.getByTestId("attachment").filter({ hasText: "notes.txt" })).toBeVisible();
  await expect(files.getByTestId("attachment-upload")).toHaveCount(0);
});
