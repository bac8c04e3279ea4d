import type { LabelColour } from "@tesseract/validators/constants";

export { LABEL_COLOURS, type LabelColour } from "@tesseract/validators/constants";

/**
 * Each palette colour as a chip: dark text on a pale tint in light mode, light text on a deep
 * tint in dark mode (both well above 4.5:1), with a solid dot that carries the hue. Written out
 * in full so Tailwind finds every class.
 */
export const labelChipClasses: Record<LabelColour, string> = {
  gray: "bg-zinc-100 text-zinc-800 ring-zinc-500/25 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-400/25",
  red: "bg-red-50 text-red-800 ring-red-600/25 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-400/30",
  orange:
    "bg-orange-50 text-orange-800 ring-orange-600/25 dark:bg-orange-950/60 dark:text-orange-200 dark:ring-orange-400/30",
  amber:
    "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-400/30",
  green:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-400/30",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/25 dark:bg-teal-950/60 dark:text-teal-200 dark:ring-teal-400/30",
  blue: "bg-blue-50 text-blue-800 ring-blue-600/25 dark:bg-blue-950/60 dark:text-blue-200 dark:ring-blue-400/30",
  indigo:
    "bg-indigo-50 text-indigo-800 ring-indigo-600/25 dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-400/30",
  purple:
    "bg-purple-50 text-purple-800 ring-purple-600/25 dark:bg-purple-950/60 dark:text-purple-200 dark:ring-purple-400/30",
  pink: "bg-pink-50 text-pink-800 ring-pink-600/25 dark:bg-pink-950/60 dark:text-pink-200 dark:ring-pink-400/30",
};

/** The dot beside a label's name: the hue itself (decorative; the name says what it is). */
export const labelDotClasses: Record<LabelColour, string> = {
  gray: "bg-zinc-500 dark:bg-zinc-400",
  red: "bg-red-500 dark:bg-red-400",
  orange: "bg-orange-500 dark:bg-orange-400",
  amber: "bg-amber-500 dark:bg-amber-400",
  green: "bg-emerald-500 dark:bg-emerald-400",
  teal: "bg-teal-500 dark:bg-teal-400",
  blue: "bg-blue-500 dark:bg-blue-400",
  indigo: "bg-indigo-500 dark:bg-indigo-400",
  purple: "bg-purple-500 dark:bg-purple-400",
  pink: "bg-pink-500 dark:bg-pink-400",
};

export const labelColourNames: Record<LabelColour, string> = {
  gray: "Gray",
  red: "Red",
  orange: "Orange",
  amber: "Amber",
  green: "Green",
  teal: "Teal",
  blue: "Blue",
  indigo: "Indigo",
  purple: "Purple",
  pink: "Pink",
};
