"use client";

import { useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert.tsx";
import { buttonClasses } from "~/components/ui/button.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { EXPORT_LINK_REFRESH_MS } from "~/lib/exports.ts";

/**
 * The download link of a finished export: a short-lived presigned URL, fetched when shown and
 * renewed before it lapses, so the link on screen always works.
 */
export function ExportLink({
  exportId,
  fileName,
  load,
}: {
  exportId: string;
  fileName: string;
  load: () => Promise<{ url: string }>;
}) {
  const [link, setLink] = useState<{ url: string } | { error: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    const fetchLink = () => {
      load().then(
        (result) => {
          if (live) setLink({ url: result.url });
        },
        (error: unknown) => {
          if (live) setLink({ error });
        },
      );
    };
    fetchLink();
    const timer = setInterval(fetchLink, EXPORT_LINK_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // `load` names one export; a new function for the same export needs no new link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [exportId]);

  if (!link)
    return (
      <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <Spinner /> Preparing the download link…
      </p>
    );
  if ("error" in link) return <Alert tone="error">{describeApiError(link.error).message}</Alert>;
  return (
    <a
      href={link.url}
      download={fileName}
      rel="noopener noreferrer"
      data-testid="export-download"
      className={buttonClasses("primary", "sm")}
    >
      Download {fileName}
    </a>
  );
}
