/**
 * The page's fonts (main.tsx bundles Inter 400, 500 and 600: the UI's weights, and 500 for labels). Sigma starts after
 * they have loaded (canvas/GraphView.tsx): labels are measured and placed with the label font, and the toolbar's final
 * line breaks (Inter is narrower than the fallback) fix the stage's size. main.tsx starts loading them at once, beside
 * the graph's bytes, instead of when the canvas first asks: the weights the loading screen does not use would
 * otherwise be requested only then, and the first frame would wait for them.
 */
const PAGE_FONTS = ["400 13px Inter", "500 12px Inter", "600 13px Inter"];

type Fonts = FontFaceSet | undefined;
const pageFonts = (): Fonts => (typeof document !== "undefined" ? (document as Document & { fonts?: FontFaceSet }).fonts : undefined);

/** Whether every face is loaded (true where the browser has no font loading API, e.g. jsdom, or no rule declares it). */
export function pageFontsLoaded(fonts: Fonts = pageFonts()): boolean {
  return !fonts || PAGE_FONTS.every((f) => fonts.check(f));
}

const loading = new WeakMap<FontFaceSet, Promise<void>>();

/** Starts loading the faces (once per page); resolves, never rejects, when they and the page's other fonts are in. */
export function loadPageFonts(fonts: Fonts = pageFonts()): Promise<void> {
  if (!fonts) return Promise.resolve();
  let done = loading.get(fonts);
  if (!done) {
    // load() starts the download of a face the layout has not asked for yet; ready waits for the rest.
    done = Promise.all(PAGE_FONTS.map((f) => fonts.load(f)))
      .then(() => fonts.ready)
      .then(
        () => undefined,
        () => undefined,
      );
    loading.set(fonts, done);
  }
  return done;
}
