import type { Metadata } from "next";
import type { ReactNode } from "react";
import {
  DEFAULT_MAX_BATCH_SIZE,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_TTL_HOURS,
  IDEMPOTENT_REPLAYED_HEADER,
} from "@tesseract/validators/constants";
import { DocsNav } from "../docs-nav.tsx";

export const metadata: Metadata = { title: "API guide" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="space-y-3 text-zinc-700 dark:text-zinc-300">{children}</div>
    </section>
  );
}

function Code({ children }: { children: string }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900">
      <code>{children}</code>
    </pre>
  );
}

export default function ApiGuidePage() {
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Using the API</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          What every script needs besides the reference: credentials, limits, safe retries and
          paging. The wire format (tRPC over HTTP with superjson) is described at the top of the
          reference.
        </p>
        <DocsNav current="/docs/guide" />
      </header>

      <Section id="tokens" title="API tokens">
        <p>
          Make a token on your account page (or with <code>token.create</code> from a signed-in
          session). It belongs to one organization, carries a role no higher than yours, and is
          shown once: only its hash is stored. Send it on every request:
        </p>
        <Code>{`curl -H "Authorization: Bearer tsr_…" \\
  "$API/trpc/project.list?input=$(jq -rn --arg org "$ORG" '{json:{orgId:$org}}|@uri')"`}</Code>
        <p>
          A token acts in its organization only (anything else is a 404) and cannot manage
          credentials (tokens, sessions): those need a person&apos;s session.
        </p>
      </Section>

      <Section id="rate-limits" title="Rate limits">
        <p>
          Each caller has per-minute budgets for reads, writes and searches, and hourly ones for
          exports. Over budget, the answer is <code>429 TOO_MANY_REQUESTS</code> with a{" "}
          <code>Retry-After</code> header in seconds: wait that long, then retry. A <code>503</code>{" "}
          (a backing service briefly unavailable) carries <code>Retry-After</code> too. A batch
          holds at most {DEFAULT_MAX_BATCH_SIZE} calls by default.
        </p>
      </Section>

      <Section id="idempotency" title="Idempotent creates">
        <p>
          Create-type mutations (tasks, comments, projects, invitations, tokens, uploads, exports;
          the reference marks them) accept an <code>{IDEMPOTENCY_KEY_HEADER}</code> header: 1 to 255
          visible ASCII characters, a fresh UUID per operation. Send the same key when you retry.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            The same key and input within {IDEMPOTENCY_KEY_TTL_HOURS} hours return the first result,
            with <code>{IDEMPOTENT_REPLAYED_HEADER}: true</code>; nothing is done twice.
          </li>
          <li>
            The same key with another input is refused: <code>422 UNPROCESSABLE_CONTENT</code>.
          </li>
          <li>
            A retry sent while the first request still runs waits for it and gets its result (
            <code>409 CONFLICT</code> if that takes longer than 10 seconds: retry then).
          </li>
          <li>A call that failed leaves no record, so its key can be sent again.</li>
          <li>
            Keys are per person and procedure. A key names one call: send keyed mutations on their
            own, not in a batch of several (that is a 400).
          </li>
        </ul>
      </Section>

      <Section id="pagination" title="Pagination">
        <p>
          Lists take <code>limit</code> (at most 100) and <code>cursor</code>, and answer{" "}
          <code>{"{ items, nextCursor }"}</code>. Pass <code>nextCursor</code> back as{" "}
          <code>cursor</code> until it is <code>null</code>. Cursors are opaque: keep the other
          filters the same while paging.
        </p>
        <Code>{`let cursor = null;
do {
  const page = await client.task.list.query({ orgId, projectId, limit: 100, cursor });
  handle(page.items);
  cursor = page.nextCursor;
} while (cursor);`}</Code>
      </Section>
    </article>
  );
}
