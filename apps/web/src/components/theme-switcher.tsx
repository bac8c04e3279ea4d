"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { ThemePreference } from "~/lib/theme.ts";
import { themeIcons } from "./theme-icons.tsx";
import {
  parseThemePreference,
  resolveTheme,
  THEME_CHANGE_EVENT,
  THEME_STORAGE_KEY,
  themePreferences,
} from "~/lib/theme.ts";

const DARK_QUERY = "(prefers-color-scheme: dark)";

const labels: Record<ThemePreference, string> = { light: "Light", dark: "Dark", system: "System" };

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
  };
}

function readPreference(): ThemePreference {
  return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
}

/** The server cannot know the stored preference; no option shows as chosen until hydration. */
function readServerPreference(): ThemePreference | null {
  return null;
}

function applyTheme(preference: ThemePreference): void {
  const theme = resolveTheme(preference, window.matchMedia(DARK_QUERY).matches);
  document.documentElement.classList.toggle("dark", theme === "dark");
  document.documentElement.style.colorScheme = theme;
}

function choose(preference: ThemePreference): void {
  window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}

export function ThemeSwitcher() {
  const current = useSyncExternalStore(subscribe, readPreference, readServerPreference);

  useEffect(() => {
    if (current === null) return;
    applyTheme(current);
    if (current !== "system") return;
    const media = window.matchMedia(DARK_QUERY);
    const follow = () => {
      applyTheme("system");
    };
    media.addEventListener("change", follow);
    return () => {
      media.removeEventListener("change", follow);
    };
  }, [current]);

  return (
    <div
      role="group"
      aria-label="Color theme"
      className="flex items-center rounded-full border border-zinc-200 bg-zinc-100 p-0.5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {themePreferences.map((preference) => (
        <button
          key={preference}
          type="button"
          aria-pressed={current === preference}
          title={`${labels[preference]} theme`}
          onClick={() => {
            choose(preference);
          }}
          className="grid size-7 place-items-center rounded-full text-zinc-500 transition-colors hover:text-zinc-900 aria-pressed:bg-white aria-pressed:text-zinc-900 aria-pressed:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-700 dark:aria-pressed:text-zinc-50"
        >
          {themeIcons[preference]}
          <span className="sr-only">{labels[preference]}</span>
        </button>
      ))}
    </div>
  );
}
