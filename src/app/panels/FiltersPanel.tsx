/**
 * Filters: node kinds (full lens), a year range (two thumbs over a histogram of papers per year with year ticks;
 * undated papers handled by their own checkbox), the minimum number of shared papers for a co-author edge, and
 * whether the co-author links of papers above the build's author cut are drawn (they are kept apart by default, and
 * this says how many papers and links that leaves out, and why).
 */
import type { LargePapers, NodeKind } from "../../model/graph-file";
import type { ViewFilter } from "../../model/view-filter";
import type { YearHistogram } from "../state/selectors";

const KINDS: { kind: NodeKind; label: string }[] = [
  { kind: "author", label: "Authors" },
  { kind: "paper", label: "Papers" },
  { kind: "topic", label: "Topics" },
];

/** The range the two thumbs show: the filter's, else every year of the histogram; null when no paper is dated. */
export function shownYearRange(filter: ViewFilter, histogram: YearHistogram): [number, number] | null {
  const first = histogram.years[0]?.year;
  const last = histogram.years[histogram.years.length - 1]?.year;
  if (first === undefined || last === undefined) return null;
  return filter.yearRange ?? [first, last];
}

/** The filter's year range for two thumb positions (in either order); null when they span every year (no filter). */
export function yearRangeFor(lo: number, hi: number, histogram: YearHistogram): [number, number] | null {
  const first = histogram.years[0]?.year;
  const last = histogram.years[histogram.years.length - 1]?.year;
  const r: [number, number] = [Math.min(lo, hi), Math.max(lo, hi)];
  if (first === undefined || last === undefined) return null;
  return r[0] <= first && r[1] >= last ? null : r;
}

/** Kinds after ticking or unticking one, always in the order author, paper, topic (so the URL is stable). */
export function toggledKinds(kinds: NodeKind[], kind: NodeKind, on: boolean): NodeKind[] {
  const next = on ? [...kinds, kind] : kinds.filter((k) => k !== kind);
  return KINDS.map((k) => k.kind).filter((k) => next.includes(k));
}

/**
 * Year ticks for an axis from `first` to `last`: both ends, and the multiples of the smallest step of 1, 2, 5, 10,
 * 20, 50 ... years that gives at most `max` ticks in all (inner ticks less than a step from an end are left out, so
 * no two labels touch).
 */
export function yearTicks(first: number, last: number, max = 5): number[] {
  if (!(last > first)) return Number.isFinite(first) ? [first] : [];
  const span = last - first;
  const stepAt = (k: number) => [1, 2, 5][k % 3]! * 10 ** Math.floor(k / 3);
  let k = 0;
  while (Math.floor(span / stepAt(k)) + 1 > max) k++;
  const step = stepAt(k);
  const inner: number[] = [];
  for (let y = Math.ceil((first + 1) / step) * step; y < last; y += step) {
    if (y - first >= step && last - y >= step) inner.push(y);
  }
  return [first, ...inner.slice(0, Math.max(0, max - 2)), last];
}

export function FiltersPanel(props: {
  filter: ViewFilter;
  histogram: YearHistogram;
  maxShared: number;
  /** The build's author cut and the papers above it (graph attribute largePapers), when it has any. */
  largePapers?: LargePapers | null;
  /** Authors drawn without any co-author link in the current view. */
  isolatedAuthors?: number;
  onChange: (patch: Partial<ViewFilter>) => void;
  /** Play: the year shown (null when not playing), whether it runs, its speed in years per second. */
  play?: { year: number | null; playing: boolean; speed: number };
  onPlay?: (playing: boolean) => void;
  onSpeed?: (speed: number) => void;
}) {
  const { filter, histogram, maxShared, largePapers, play } = props;
  // Moving a year thumb while playing pauses: the range the user sets wins.
  const onChange = (patch: Partial<ViewFilter>) => {
    if (play?.playing && patch.yearRange !== undefined) props.onPlay?.(false);
    props.onChange(patch);
  };
  const years = histogram.years;
  const first = years[0]?.year;
  const last = years[years.length - 1]?.year;
  const range = shownYearRange(filter, histogram);
  const peak = Math.max(1, ...years.map((y) => y.count));
  const setRange = (lo: number, hi: number) => {
    if (range) onChange({ yearRange: yearRangeFor(lo, hi, histogram) });
  };

  return (
    <section className="panel" aria-labelledby="filters-title" data-testid="filters-panel">
      <h2 id="filters-title">Filters</h2>

      <fieldset disabled={filter.lens !== "full"}>
        <legend>Node kinds {filter.lens !== "full" && <span className="muted small">(full graph lens)</span>}</legend>
        {KINDS.map(({ kind, label }) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={filter.kinds.includes(kind)}
              onChange={(e) => onChange({ kinds: toggledKinds(filter.kinds, kind, e.target.checked) })}
            />
            {label}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Years</legend>
        {range && first !== undefined && last !== undefined ? (
          <>
            <div className="histogram" aria-hidden="true">
              {years.map((y) => (
                <div
                  key={y.year}
                  className={`bar${y.year >= range[0] && y.year <= range[1] ? " in" : ""}`}
                  style={{ height: `${Math.max(4, (y.count / peak) * 100)}%` }}
                  title={`${y.year}: ${y.count} papers`}
                />
              ))}
            </div>
            <div className="year-ticks" aria-hidden="true">
              {yearTicks(first, last).map((y) => (
                <span key={y} style={{ left: `${((y - first + 0.5) / (last - first + 1)) * 100}%` }}>
                  {y}
                </span>
              ))}
            </div>
            <div className="two-thumb">
              <input
                type="range"
                min={first}
                max={last}
                step={1}
                value={range[0]}
                aria-label="From year"
                onChange={(e) => setRange(Math.min(Number(e.target.value), range[1]), range[1])}
              />
              <input
                type="range"
                min={first}
                max={last}
                step={1}
                value={play?.year ?? range[1]}
                aria-label="To year"
                onChange={(e) => setRange(range[0], Math.max(Number(e.target.value), range[0]))}
              />
            </div>
            {props.onPlay && play && (
              <div className="play-row">
                <button type="button" className="button" aria-pressed={play.playing} onClick={() => props.onPlay!(!play.playing)} title="Step the year range's end from the first year to the last, drawing what exists by then">
                  {play.playing ? "Pause" : "Play"}
                </button>
                <label className="select small">
                  <span>Speed</span>
                  <select aria-label="Speed" value={String(play.speed)} onChange={(e) => props.onSpeed?.(Number(e.target.value))}>
                    <option value="0.5">½ year/s</option>
                    <option value="1">1 year/s</option>
                    <option value="2">2 years/s</option>
                    <option value="4">4 years/s</option>
                  </select>
                </label>
                {play.year !== null && <span className="small" data-testid="play-year">{play.year}</span>}
              </div>
            )}
            <p className="range-text" aria-live="polite">
              {range[0] === range[1] ? range[0] : `${range[0]} – ${range[1]}`}
              {filter.yearRange && (
                <>
                  {" "}
                  <button type="button" className="link" onClick={() => onChange({ yearRange: null })}>
                    All years
                  </button>
                </>
              )}
            </p>
          </>
        ) : (
          <p className="muted">No dated papers.</p>
        )}
        <label className="check">
          <input type="checkbox" checked={filter.includeUndated} onChange={(e) => onChange({ includeUndated: e.target.checked })} />
          Include undated papers ({histogram.undated})
        </label>
        {!filter.yearRange && <p className="muted small">Undated papers count only once a year range is set.</p>}
      </fieldset>

      <fieldset>
        <legend>Co-author links</legend>
        <label className="stacked">
          <span>
            Minimum shared papers: <strong>{filter.minSharedPapers}</strong>
          </span>
          <input
            type="range"
            min={1}
            max={Math.max(2, maxShared)}
            step={1}
            value={filter.minSharedPapers}
            onChange={(e) => onChange({ minSharedPapers: Number(e.target.value) })}
          />
        </label>
        {largePapers && largePapers.papers.length > 0 && (
          <div className="large-papers" data-testid="large-papers">
            <p className="small">
              {largePapers.papers.length === 1 ? "1 paper has" : `${largePapers.papers.length} papers have`} more than {largePapers.maxAuthors} authors (consortium and
              challenge papers). Their bylines would tie hundreds of people who may never have worked together, so by default they make no
              co-author links: {largePapers.pairs.toLocaleString("en")} links are left out.
            </p>
            <label className="check">
              <input type="checkbox" checked={filter.includeLargePapers} onChange={(e) => onChange({ includeLargePapers: e.target.checked })} />
              Include links from papers with more than {largePapers.maxAuthors} authors
            </label>
          </div>
        )}
        {props.isolatedAuthors !== undefined && filter.lens !== "topics" && (
          <p className="small muted" role="status" data-testid="isolated-authors">
            {props.isolatedAuthors.toLocaleString("en")} authors drawn without co-author links.
          </p>
        )}
      </fieldset>
    </section>
  );
}
