/**
 * Light or dark: the visitor's own choice (the toolbar toggle, kept in localStorage across visits), else what the
 * system asks for (prefers-color-scheme, followed live). Written on <html data-theme> so the stylesheet switches;
 * the canvas reads the same name (src/model/appearance.ts LOOKS).
 */
import { useCallback, useEffect, useState } from "react";
import type { ThemeName } from "../../model/appearance";

export const THEME_KEY = "papergraph.theme";

function stored(): ThemeName | null {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return v === "light" || v === "dark" ? v : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): follow the system
  }
}

function systemTheme(): ThemeName {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function useTheme(): { theme: ThemeName; toggle: () => void } {
  const [choice, setChoice] = useState<ThemeName | null>(stored);
  const [system, setSystem] = useState<ThemeName>(systemTheme);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    const on = () => setSystem(mq.matches ? "dark" : "light");
    mq.addEventListener?.("change", on);
    return () => mq.removeEventListener?.("change", on);
  }, []);
  const theme = choice ?? system;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const toggle = useCallback(() => {
    const next: ThemeName = theme === "dark" ? "light" : "dark";
    setChoice(next);
    try {
      window.localStorage.setItem(THEME_KEY, next);
    } catch {
      // not remembered; still switched for this visit
    }
  }, [theme]);
  return { theme, toggle };
}
