import type { Metadata } from "next";
import { Alert } from "~/components/ui/alert.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { isApiError } from "~/lib/api-error.ts";
import { getServerClient } from "~/trpc/request.ts";
import type { RouterOutputs } from "~/trpc/types.ts";
import { InboxMessage } from "./inbox-message.tsx";
import { RefreshButton } from "./refresh-button.tsx";

export const metadata: Metadata = { title: "Development inbox", robots: { index: false } };

type Inbox = RouterOutputs["dev"]["inbox"];

/** The API keeps mail in memory only in development without SMTP; otherwise it answers 404. */
async function loadInbox(): Promise<Inbox | null> {
  try {
    return await getServerClient().dev.inbox.query();
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) return null;
    throw error;
  }
}

export default async function DevInboxPage() {
  const messages = await loadInbox();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Development inbox"
        description="Emails the API would have sent, kept in its memory because no SMTP server is set."
        actions={messages ? <RefreshButton /> : undefined}
      />
      {messages === null ? (
        <Alert tone="info" title="The development inbox is off" testId="inbox-off">
          It exists only while the API runs outside production without SMTP_URL. Real emails are
          sent by the configured mail server.
        </Alert>
      ) : messages.length === 0 ? (
        <EmptyState title="No emails yet">
          Sign up, ask for a password reset or invite someone, then refresh.
        </EmptyState>
      ) : (
        <ol className="space-y-4" data-testid="inbox">
          {messages.map((message) => (
            <InboxMessage key={message.id} message={message} />
          ))}
        </ol>
      )}
    </div>
  );
}
