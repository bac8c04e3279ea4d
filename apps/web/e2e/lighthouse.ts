import * as chromeLauncher from "chrome-launcher";
import type { Flags, RunnerResult } from "lighthouse";
import lighthouse, { desktopConfig } from "lighthouse";
import { CHROMIUM_FLAGS } from "@tesseract/chromium-config";

/**
 * Lighthouse driving the same Chromium as the Playwright suite, in a browser of its own (it needs
 * a DevTools port, which Playwright's pipe-connected browser does not open), for the lighthouse
 * spec's Accessibility, Best Practices and SEO (Performance is bench/src/web.ts's).
 */

export interface Browser {
  port: number;
  close(): Promise<void>;
}

export async function launchChromium(chromePath: string): Promise<Browser> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: "error",
  });
  return {
    port: chrome.port,
    close: () => {
      chrome.kill();
      return Promise.resolve();
    },
  };
}

export type Category = "accessibility" | "best-practices" | "seo" | "performance";
export type FormFactor = "desktop" | "mobile";

export interface AuditOptions {
  port: number;
  categories: Category[];
  formFactor: FormFactor;
  /** Sent with every request of the page: the session cookie, for signed-in pages. */
  cookie?: string;
}

export async function audit(url: string, options: AuditOptions): Promise<RunnerResult> {
  const flags: Flags = {
    port: options.port,
    output: "json",
    logLevel: "error",
    onlyCategories: options.categories,
    ...(options.cookie ? { extraHeaders: { Cookie: options.cookie } } : {}),
  };
  // The desktop preset changes the screen, the throttling and the user agent; mobile is the default.
  const config = options.formFactor === "desktop" ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError)
    throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  return result;
}

/** What an audit found, briefly: the console's messages, the elements' selectors… */
function findings(details: unknown): string {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items
    .slice(0, 5)
    .map((item) => {
      const { description, url, node } = item as {
        description?: string;
        url?: string;
        node?: { selector?: string };
      };
      return description ?? node?.selector ?? url ?? JSON.stringify(item);
    })
    .join("; ");
}

/** The audits that cost a category points: "seo: document-title (0) … [what it found]". */
export function failedAudits(result: RunnerResult, category: Category): string[] {
  const { lhr } = result;
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map(
      (audit) =>
        `${category}: ${audit!.id} (${audit!.score}) ${audit!.title} [${findings(audit!.details)}]`,
    );
}
