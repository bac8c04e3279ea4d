import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { call, signUpWithProject, waitForHydration } from "./helpers.ts";

const run = randomBytes(4).toString("hex");
test.setTimeout(240_000);

test("a project's search stays in the project, honours the filters, pages, and widens on request", async ({
  page,
}) => {
  const { orgId, projectId: hereId } = await signUpWithProject(
    page,
    { name: "Sol Seeker", email: `sol-${run}@example.com` },
    `Seek ${run}`,
    { name: "Here", key: "HRE" },
  );
  const there = await call<{ id: string }>(page, "project.create", {
    orgId,
    name: "There",
    key: "THR",
  });
  for (let first = 0; first < 24; first += 8)
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(page, "task.create", {
          orgId,
          projectId: hereId,
          title: `Comet ${first + i}`,
          status: (first + i) % 4 === 0 ? "done" : "todo",
        }),
      ),
    );
  await call(page, "task.create", { orgId, projectId: there.id, title: "Comet far" });

  await page.goto(`/orgs/${orgId}/projects/HRE/list?q=comet`);
  await waitForHydration(page);
  const searchRegion = page.getByRole("region", { name: /for “comet”/ });
  const results = page.getByTestId("search-results").getByRole("listitem");
  // The first search on a fresh server warms its full-text path: slow on a busy machine.
  await expect(results).toHaveCount(20, { timeout: 60_000 });
  await expect(
    page.getByRole("heading", { name: /20\+ results for “comet” in this project/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "More results" }).click();
  await expect(results).toHaveCount(24);
  await expect(searchRegion.getByText("That is every match.")).toBeVisible();
  await expect(page.getByTestId("search-hit-THR-1")).toHaveCount(0);

  // The status filter narrows the hits as it narrows the table.
  const statusChips = page.getByRole("group", { name: "Status" });
  await statusChips.getByText("Done", { exact: true }).click();
  await expect(results).toHaveCount(6);

  await page.getByRole("button", { name: "Search all projects" }).click();
  await expect(
    page.getByRole("heading", { name: /^6 results for “comet” in all projects/ }),
  ).toBeVisible();
  await expect(results).toHaveCount(6);
  // Without the filter, every project's 25 matches: equal ranks, so the other project's task may
  // sit on either page; both pages hold it between them.
  await statusChips.getByText("Done", { exact: true }).click();
  await expect(
    page.getByRole("heading", { name: /^20\+ results for “comet” in all projects/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "More results" }).click();
  await expect(results).toHaveCount(25);
  await expect(searchRegion.getByText("That is every match.")).toBeVisible();
  await expect(page.getByTestId("search-hit-THR-1")).toBeVisible();
});
