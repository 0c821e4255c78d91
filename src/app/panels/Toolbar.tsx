/**
 * The explorer's toolbar: the brand, the main search ("/" focuses it), the lens, colour and size choices, the menus
 * that keep state of their own (Open…, Review identities, Export: given as children) and the theme toggle. Everything
 * it shows and changes comes in through its props; it holds no state.
 */
import type { ReactNode, Ref } from "react";
import { COLOR_MODE_LABEL, resolveColorMode, type ThemeName } from "../../model/appearance";
import type { Lens } from "../../model/view-filter";
import type { SearchService } from "../data/search-service";
import { SIZE_METRICS, type ColorMode, type SizeMetric } from "../state/ui-state";
import { METRIC_LABEL } from "./Legend";
import { SearchBox } from "./SearchBox";

const LENSES: { lens: Lens; label: string }[] = [
  { lens: "coauthor", label: "Co-authors" },
  { lens: "topics", label: "Topics" },
  { lens: "full", label: "Full graph" },
];

export interface ToolbarProps {
  index: SearchService;
  searchRef: Ref<HTMLInputElement>;
  query: string;
  onQuery: (query: string) => void;
  /** A search hit was chosen (the field is cleared first). */
  onChoose: (key: string) => void;
  lens: Lens;
  onLens: (lens: Lens) => void;
  colorMode: ColorMode;
  onColorMode: (mode: ColorMode) => void;
  sizeMetric: SizeMetric;
  onSizeMetric: (metric: SizeMetric) => void;
  theme: ThemeName;
  onToggleTheme: () => void;
  /** The menus between the choices and the theme toggle. */
  children: ReactNode;
}

export function Toolbar(p: ToolbarProps) {
  return (
    <header className="toolbar">
      <h1 className="brand">
        <img src="./favicon.svg" alt="" width={22} height={22} /> papergraph
      </h1>
      <SearchBox
        ref={p.searchRef}
        index={p.index}
        label="Search authors, papers and topics"
        placeholder="Search authors, papers, topics…  ( / )"
        value={p.query}
        onChange={p.onQuery}
        onChoose={(h) => {
          p.onQuery("");
          p.onChoose(h.key);
        }}
        testId="search-input"
      />
      <div className="segmented" role="group" aria-label="Lens">
        {LENSES.map((l) => (
          <button key={l.lens} type="button" aria-pressed={p.lens === l.lens} onClick={() => p.onLens(l.lens)}>
            {l.label}
          </button>
        ))}
      </div>
      <label className="select">
        <span>Colour</span>
        <select value={p.colorMode} onChange={(e) => p.onColorMode(e.target.value as ColorMode)}>
          <option value="auto">Automatic ({COLOR_MODE_LABEL[resolveColorMode("auto", p.lens)]})</option>
          <option value="topicCluster">Research cluster</option>
          <option value="community">Co-author community</option>
          <option value="yearFirst">First publication year</option>
          <option value="yearMean">Mean publication year</option>
        </select>
      </label>
      <label className="select">
        <span>Size</span>
        <select value={p.sizeMetric} onChange={(e) => p.onSizeMetric(e.target.value as SizeMetric)}>
          {SIZE_METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
      {p.children}
      <button
        type="button"
        className="button theme-toggle"
        aria-pressed={p.theme === "dark"}
        onClick={p.onToggleTheme}
        title={p.theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"}
      >
        <span aria-hidden="true">{p.theme === "dark" ? "☀" : "☾"}</span> Dark mode
      </button>
    </header>
  );
}
