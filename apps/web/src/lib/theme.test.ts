import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseThemePreference, resolveTheme, THEME_STORAGE_KEY, themeInitScript } from "./theme.ts";

function runInitScript(stored: string | null, prefersDark: boolean) {
  const classes = new Set<string>();
  const root = {
    classList: {
      toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)),
    },
    style: { colorScheme: "" },
  };
  const window = {
    localStorage: { getItem: (key: string) => (key === THEME_STORAGE_KEY ? stored : null) },
    matchMedia: () => ({ matches: prefersDark }),
  };
  runInNewContext(themeInitScript, { window, document: { documentElement: root } });
  return { isDark: classes.has("dark"), colorScheme: root.style.colorScheme };
}

describe("parseThemePreference", () => {
  it("accepts the three preferences and falls back to system", () => {
    expect(parseThemePreference("dark")).toBe("dark");
    expect(parseThemePreference("light")).toBe("light");
    expect(parseThemePreference("system")).toBe("system");
    expect(parseThemePreference(null)).toBe("system");
    expect(parseThemePreference("purple")).toBe("system");
  });
});

describe("resolveTheme", () => {
  it("follows the OS only for system", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });
});

describe("themeInitScript", () => {
  it.each([
    ["dark", false],
    ["light", true],
    ["system", true],
    ["system", false],
    [null, true],
    ["bogus", false],
  ] as const)("agrees with resolveTheme for stored=%s prefersDark=%s", (stored, prefersDark) => {
    const expected = resolveTheme(parseThemePreference(stored), prefersDark);
    expect(runInitScript(stored, prefersDark)).toEqual({
      isDark: expected === "dark",
      colorScheme: expected,
    });
  });

  it("leaves the page alone when storage is unavailable", () => {
    const run = () => {
      runInNewContext(themeInitScript, { window: {}, document: {} });
    };
    expect(run).not.toThrow();
  });
});
