"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link to one of many similar pages (a card, a row): not prefetched when it scrolls into view —
 * a board would prefetch every card — but as soon as the pointer rests on it or it takes focus,
 * which is when a person is about to open it.
 */
export function IntentLink({ onPointerEnter, onFocus, ...props }: ComponentProps<typeof Link>) {
  const router = useRouter();
  const prefetch = () => {
    if (typeof props.href === "string") router.prefetch(props.href);
  };
  return (
    <Link
      {...props}
      prefetch={false}
      onPointerEnter={(event) => {
        prefetch();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
    />
  );
}
