/** Entry point: fonts bundled locally (no request leaves the machine), styles, and the app mounted once. */
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { prefetchDefault } from "./data/load-graph";
import { markPhase } from "./phase-marks";
import { loadPageFonts } from "./page-fonts";

markPhase("main");

// The graph's bytes are on their way while React boots and the browser's storage is asked for kept files.
prefetchDefault();
// The fonts the first frame waits for (labels, the toolbar's line breaks) load meanwhile too.
void loadPageFonts().then(() => markPhase("fonts-loaded"));

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
