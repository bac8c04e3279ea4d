import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";

/** Every account the specs create uses this password. */
export const password = "correct horse battery";

/**
 * Makes the spec's tests the steps of one story, run in order in one browser session: a fresh
 * context's page, opened before the first step (and handed to `onOpen`) and closed after the last.
 * Each step keeps its own time budget on a busy machine.
 */
export function serialSession(onOpen: (page: Page) => void) {
  test.describe.configure({ mode: "serial" });
  let page: Page | undefined;
  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext()).newPage();
    onOpen(page);
  });
  test.afterAll(async () => {
    await page?.context().close();
  });
}

/** The theme switcher marks the stored choice only once React has hydrated the page. */
export async function waitForHydration(page: Page) {
  await expect(page.getByRole("button", { name: "System", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
}

/** Screenshots of the page as it is, in the light and the dark theme (the OS preference). */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  await waitForHydration(page);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let colour transitions (buttons, links) finish before the picture is taken.
    await page.waitForTimeout(250);
    await expect(page.locator("html")).toHaveClass(
      scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/,
    );
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

export async function signUp(page: Page, person: { name: string; email: string }) {
  await page.goto("/sign-up");
  await waitForHydration(page);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, secret = password) {
  await waitForHydration(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(secret);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Signing in ends in a full page load; wait for it before going anywhere else.
  await expect(page).not.toHaveURL(/\/sign-in/);
  await waitForHydration(page);
}

/** How far the page is wider than the screen (0 when nothing sticks out sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * A tRPC mutation sent over the web origin's /trpc with the page's session cookies (from outside
 * the page, so it needs no page loaded); fails the test unless it succeeds.
 */
export async function call<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/trpc/${path}`, {
    data: { json: input },
    headers: { "content-type": "application/json" },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** From onboarding (just signed up): a new organization; returns its id. */
export async function createOrg(page: Page, name: string): Promise<string> {
  await expect(page).toHaveURL(/\/onboarding$/);
  await waitForHydration(page);
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/orgs\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** A new project of the organization, made from its projects page; ends on its board. */
export async function createProject(
  page: Page,
  orgId: string,
  project: { name: string; key: string },
): Promise<string> {
  await page.goto(`/orgs/${orgId}/projects`);
  await waitForHydration(page);
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill(project.name);
  await dialog.getByLabel("Key").fill(project.key);
  await dialog.getByRole("button", { name: "Create project" }).click();
  const board = `/orgs/${orgId}/projects/${project.key}`;
  await expect(page).toHaveURL(board);
  return board;
}

/**
 * A new person signed up in `page`, who then makes an organization with one project through the
 * API: for specs about what comes after. Returns their ids.
 */
export async function signUpWithProject(
  page: Page,
  person: { name: string; email: string },
  orgName: string,
  project: { name: string; key: string },
): Promise<{ orgId: string; projectId: string }> {
  await signUp(page, person);
  await expect(page).toHaveURL(/\/onboarding$/);
  const { id: orgId } = await call<{ id: string }>(page, "org.create", { name: orgName });
  const { id: projectId } = await call<{ id: string }>(page, "project.create", {
    orgId,
    ...project,
  });
  return { orgId, projectId };
}

/** A tRPC query over the web origin with the page's session cookies (from outside the page). */
export async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await page.request.get(`/trpc/${path}${search}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A project's statuses (`status.list`, with the page's session), by name: their ids. */
export async function statusIdsByName(
  page: Page,
  orgId: string,
  projectKey: string,
): Promise<Record<string, string>> {
  const projects = await query<{ id: string; key: string }[]>(page, "project.list", { orgId });
  const project = projects.find((p) => p.key === projectKey);
  if (!project) throw new Error(`No project ${projectKey}`);
  const statuses = await query<{ id: string; name: string }[]>(page, "status.list", {
    orgId,
    projectId: project.id,
  });
  return Object.fromEntries(statuses.map((s) => [s.name, s.id]));
}
