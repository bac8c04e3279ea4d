import { z } from "zod";

const webEnvSchema = z.object({
  /** Where the API server listens (no trailing slash); server components and /trpc go to it. */
  API_URL: z
    .url()
    .default("http://127.0.0.1:4000")
    .transform((url) => url.replace(/\/+$/, "")),
  /** The public origin of this web app, used for absolute URLs in metadata. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  const parsed = webEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid web environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

// The one module of the web app that reads the environment, parsed with zod once. Under `pnpm dev`
// and `pnpm start` that environment comes from scripts/run-next.ts: the repository's .env (which
// Next alone would not read) under the shell's variables, with API_URL following PORT. Web cannot use
// @tesseract/config: that validates the API server's secrets and service URLs, which web must never
// need. Only server code (server components, proxy.ts) imports this; nothing in it is public.
// eslint-disable-next-line no-restricted-properties
export const env = parseWebEnv(process.env);
