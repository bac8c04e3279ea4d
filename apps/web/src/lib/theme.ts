export const THEME_STORAGE_KEY = "tesseract-theme";

/** Fired on window when this tab changes the theme (the `storage` event covers other tabs). */
export const THEME_CHANGE_EVENT = "tesseract-theme-change";

export const themePreferences = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof themePreferences)[number];
export type ResolvedTheme = "light" | "dark";

export function parseThemePreference(stored: string | null): ThemePreference {
  return themePreferences.find((preference) => preference === stored) ?? "system";
}

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): ResolvedTheme {
  if (preference === "system") return prefersDark ? "dark" : "light";
  return preference;
}

/**
 * Runs inline in <head> before the body is parsed, so the first paint already has the right theme.
 * It repeats parseThemePreference + resolveTheme in plain ES5 because it cannot import anything.
 */
export const themeInitScript = `(function () {
  try {
    var stored = window.localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});
    var dark = stored === "dark" ||
      (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    var root = document.documentElement;
    root.classList.toggle("dark", dark);
    root.style.colorScheme = dark ? "dark" : "light";
  } catch (_) {}
})();`;
