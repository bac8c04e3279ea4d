"use client";

import { RouteError } from "~/components/route-error.tsx";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} />;
}
