/**
 * Shows a toast, optionally with one action ("Undo"). sonner is imported on first use, so it is
 * not part of any page's first-load JavaScript; `<Toaster />` in the root layout renders them.
 */
export interface ToastOptions {
  description?: string;
  /** A button in the toast; the toast closes when it is pressed. */
  action?: { label: string; onClick: () => void };
  /** How long the toast stays, in milliseconds (sonner's default is 4 s). */
  duration?: number;
  tone?: "default" | "error";
}

export function notify(message: string, options: ToastOptions = {}): void {
  const { tone = "default", ...rest } = options;
  void import("sonner").then(({ toast }) => {
    if (tone === "error") toast.error(message, rest);
    else toast(message, rest);
  });
}
