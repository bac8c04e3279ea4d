/**
 * `pnpm bench:web`: Lighthouse's Performance category on the web app's main pages, signed in to
 * the demo organization, with the desktop and the mobile preset — the score, LCP, TBT and CLS,
 * the median of three runs each. Needs `pnpm --filter @tesseract/web build` first. Machine
 * speed moves these figures (the test suite checks only the categories that do not depend on
 * it: apps/web/e2e/lighthouse.spec.ts). See bench/README.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import type { Flags } from "lighthouse";
import lighthouse, { desktopConfig } from "lighthouse";
// The same Chromium, with the same flags, as the browser suite's Lighthouse spec.
import { CHROMIUM_FLAGS, chromiumPath } from "@tesseract/chromium-config";
import { cleanupOnSignals, defer, runCleanup } from "./cleanup.ts";
import { gitState, machine, repoRoot, resultsDir } from "./report.ts";
import { startSeededWeb } from "./start-web.ts";

const RUNS = 3;
const FORM_FACTORS = ["desktop", "mobile"] as const;
type FormFactor = (typeof FORM_FACTORS)[number];
/** Issue 16's targets; the board is issue 12's and held to none here. */
const TARGETS = { desktop: 95, mobile: 80, cls: 0.02 };

const log = (message: string) => process.stderr.write(`bench:web: ${message}\n`);

interface Measure {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

interface PageResult extends Measure {
  page: string;
  formFactor: FormFactor;
  runs: Measure[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function measure(
  port: number,
  url: string,
  formFactor: FormFactor,
  cookie?: string,
): Promise<Measure> {
  const flags: Flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  };
  const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    lcpMs: Math.round(value("largest-contentful-paint")),
    tbtMs: Math.round(value("total-blocking-time")),
    cls: Math.round(value("cumulative-layout-shift") * 1000) / 1000,
  };
}

function markdown(results: PageResult[], load: number[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.page} | ${r.formFactor} | ${r.performance} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} |`,
  );
  return [
    "# Web: Lighthouse Performance (median of three runs)",
    "",
    `Load average at the start: ${load.map((n) => n.toFixed(2)).join(", ")}.`,
    `Targets (issue 16): Performance ≥ ${TARGETS.desktop} desktop and ≥ ${TARGETS.mobile} mobile on every page but the board, CLS ≤ ${TARGETS.cls}.`,
    "",
    "| page | preset | Performance | LCP (ms) | TBT (ms) | CLS |",
    "| ---- | ------ | ----------: | -------: | -------: | --: |",
    ...rows,
    "",
  ].join("\n");
}

async function main() {
  cleanupOnSignals();
  const loadAtStart = loadavg();
  const { web, fixtures } = await startSeededWeb(log);

  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: "error",
  });
  defer("close browser", () => {
    chrome.kill();
    return Promise.resolve();
  });

  const org = `/orgs/${fixtures.demoOrgId}`;
  const pages: { page: string; path: string; signedIn: boolean }[] = [
    { page: "landing", path: "/", signedIn: false },
    { page: "sign-in", path: "/sign-in", signedIn: false },
    { page: "projects", path: `${org}/projects`, signedIn: true },
    { page: "board", path: `${org}/projects/ENG`, signedIn: true },
    { page: "list", path: `${org}/projects/ENG/list`, signedIn: true },
    { page: "task", path: `${org}/tasks/ENG-1`, signedIn: true },
    { page: "account", path: "/account", signedIn: true },
  ];
  const results: PageResult[] = [];
  for (const { page, path, signedIn } of pages)
    for (const formFactor of FORM_FACTORS) {
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) {
        log(`${page} ${formFactor} ${i + 1}/${RUNS}`);
        runs.push(
          await measure(
            chrome.port,
            `${web}${path}`,
            formFactor,
            signedIn ? fixtures.cookie : undefined,
          ),
        );
      }
      results.push({
        page,
        formFactor,
        performance: median(runs.map((r) => r.performance)),
        lcpMs: median(runs.map((r) => r.lcpMs)),
        tbtMs: median(runs.map((r) => r.tbtMs)),
        cls: median(runs.map((r) => r.cls)),
        runs,
      });
    }

  const report = {
    startedAt: new Date().toISOString(),
    machine: machine(),
    loadAverageAtStart: loadAtStart,
    git: gitState(repoRoot),
    lighthouse: "performance category, desktop and mobile presets",
    runs: RUNS,
    targets: TARGETS,
    results,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "web-latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(results, loadAtStart);
  writeFileSync(join(resultsDir, "web-latest.md"), md);
  process.stdout.write(md);
}

try {
  await main();
} finally {
  await runCleanup();
}
