/**
 * `pnpm bench:board`: the demo board (3,000 tasks; its ENG project holds 1,200) in Chromium
 * against production builds — the board document's size, the JavaScript it loads, and the time
 * from navigation to a hydrated page, cold (first load) and warm (later loads). Needs
 * `pnpm --filter @tesseract/web build` first. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page, type Response } from "@playwright/test";
import { chromiumPath } from "@tesseract/chromium-config";
import { cleanupOnSignals, defer, runCleanup } from "./cleanup.ts";
import { gitState, machine, repoRoot, resultsDir } from "./report.ts";
import { startSeededWeb } from "./start-web.ts";

const WARM_LOADS = 5;
const log = (message: string) => process.stderr.write(`bench:board: ${message}\n`);

interface Load {
  /** Navigation start → the page hydrated (the theme switcher marks its choice). */
  interactiveMs: number;
  /** The board document as the server sent it (decompressed) and on the wire. */
  htmlBytes: number;
  htmlWireBytes: number;
  /** JavaScript fetched over the network for this load (compressed, as sent). */
  scriptWireBytes: number;
  scripts: number;
  /** Elements in the page once hydrated. */
  domNodes: number;
}

async function load(page: Page, url: string): Promise<Load> {
  let scriptWireBytes = 0;
  let scripts = 0;
  const pending: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script" || response.fromServiceWorker()) return;
    pending.push(
      response
        .request()
        .sizes()
        .then((sizes) => {
          if (sizes.responseBodySize > 0) {
            scriptWireBytes += sizes.responseBodySize;
            scripts += 1;
          }
        })
        .catch(() => undefined),
    );
  };
  page.on("response", onResponse);
  const response = await page.goto(url, { waitUntil: "commit" });
  if (!response || response.status() !== 200)
    throw new Error(`${url} answered ${response?.status()}`);
  await page
    .getByRole("button", { name: "System", exact: true })
    .and(page.locator('[aria-pressed="true"]'))
    .waitFor({ timeout: 60_000 });
  const interactiveMs = await page.evaluate(() => performance.now());
  const htmlBytes = (await response.body()).length;
  const htmlWireBytes = (await response.request().sizes()).responseBodySize;
  await page.waitForLoadState("load");
  await Promise.all(pending);
  page.off("response", onResponse);
  const domNodes = await page.locator("*").count();
  return { interactiveMs, htmlBytes, htmlWireBytes, scriptWireBytes, scripts, domNodes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function main() {
  cleanupOnSignals();
  const { web, fixtures } = await startSeededWeb(log);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  defer("close browser", () => browser.close());
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const [name, value] = [
    fixtures.cookieName,
    fixtures.cookie.slice(fixtures.cookieName.length + 1),
  ];
  await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
  const page = await context.newPage();
  const board = `${web}/orgs/${fixtures.demoOrgId}/projects/ENG`;

  log("cold load");
  const cold = await load(page, board);
  const warm: Load[] = [];
  for (let i = 0; i < WARM_LOADS; i++) {
    log(`warm load ${i + 1}/${WARM_LOADS}`);
    warm.push(await load(page, board));
  }
  const report = {
    startedAt: new Date().toISOString(),
    machine: machine(),
    git: gitState(repoRoot),
    chromium: browser.version(),
    viewport: "1440×900",
    cold,
    warm: {
      interactiveMsMedian: median(warm.map((run) => run.interactiveMs)),
      interactiveMs: warm.map((run) => Math.round(run.interactiveMs)),
      htmlBytes: median(warm.map((run) => run.htmlBytes)),
      domNodes: median(warm.map((run) => run.domNodes)),
    },
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "board-latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

try {
  await main();
} finally {
  await runCleanup();
}
