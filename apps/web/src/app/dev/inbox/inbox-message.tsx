import { LocalTime } from "~/components/ui/local-time.tsx";
import { linkify } from "~/lib/linkify.ts";
import type { RouterOutputs } from "~/trpc/types.ts";

type Message = RouterOutputs["dev"]["inbox"][number];

export function InboxMessage({ message }: { message: Message }) {
  return (
    <li
      data-testid="inbox-message"
      data-to={message.to}
      className="rounded-xl border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <article aria-labelledby={`message-${message.id}`} className="space-y-3">
        <header className="space-y-1">
          <h2 id={`message-${message.id}`} className="font-semibold break-words">
            {message.subject}
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            To <span className="font-medium text-zinc-700 dark:text-zinc-300">{message.to}</span> ·{" "}
            <LocalTime date={message.sentAt} />
          </p>
        </header>
        <p className="text-sm break-words whitespace-pre-wrap">
          {linkify(message.text).map((part, index) =>
            part.kind === "link" ? (
              <a
                key={index}
                href={part.href}
                className="font-medium text-indigo-600 underline underline-offset-2 break-all dark:text-indigo-400"
              >
                {part.href}
              </a>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      </article>
    </li>
  );
}
