/**
 * The page's fonts are asked for once, at boot (main.tsx), and the canvas waits on that same load (GraphView): every
 * face the first frame needs is requested, a failed face does not keep the canvas waiting forever.
 */
import { describe, expect, it } from "vitest";
import { loadPageFonts, pageFontsLoaded } from "../../src/app/page-fonts";

function fakeFonts(opts: { fail?: string } = {}) {
  const asked: string[] = [];
  const loaded = new Set<string>();
  const fonts = {
    asked,
    load: (font: string) => {
      asked.push(font);
      if (font === opts.fail) return Promise.reject(new Error("network"));
      loaded.add(font);
      return Promise.resolve([]);
    },
    check: (font: string) => loaded.has(font),
    ready: Promise.resolve(),
  };
  return fonts as unknown as FontFaceSet & { asked: string[] };
}

describe("page fonts", () => {
  it("loads the UI's and the labels' faces once, however often it is asked", async () => {
    const fonts = fakeFonts();
    expect(pageFontsLoaded(fonts)).toBe(false);
    const first = loadPageFonts(fonts);
    expect(loadPageFonts(fonts)).toBe(first);
    await first;
    expect(fonts.asked).toEqual(["400 13px Inter", "500 12px Inter", "600 13px Inter"]);
    expect(pageFontsLoaded(fonts)).toBe(true);
  });

  it("resolves when a face fails to load (the canvas then draws with the fallback font)", async () => {
    const fonts = fakeFonts({ fail: "500 12px Inter" });
    await expect(loadPageFonts(fonts)).resolves.toBeUndefined();
    expect(pageFontsLoaded(fonts)).toBe(false);
  });

  it("needs nothing where there is no font loading API", async () => {
    expect(pageFontsLoaded(undefined)).toBe(true);
    await expect(loadPageFonts(undefined)).resolves.toBeUndefined();
  });
});
