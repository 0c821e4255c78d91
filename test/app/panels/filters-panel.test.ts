/**
 * The pure parts of the Filters panel: the year range the thumbs show and set, the order of node kinds. App fixture
 * graph (test/fixtures/app/make-graph.ts: papers dated 2021-2025, one undated) and a constructed undated histogram.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import { shownYearRange, toggledKinds, yearRangeFor } from "../../../src/app/panels/FiltersPanel";
import { yearHistogram, type YearHistogram } from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const histogram = yearHistogram(fixtureGraph());
const noDates: YearHistogram = { years: [], undated: 3 };

describe("Filters: years", () => {
  it("shows every year of the histogram when no range is set, else the range", () => {
    expect(shownYearRange(DEFAULT_VIEW_FILTER, histogram)).toEqual([2021, 2025]);
    expect(shownYearRange({ ...DEFAULT_VIEW_FILTER, yearRange: [2022, 2023] }, histogram)).toEqual([2022, 2023]);
    expect(shownYearRange(DEFAULT_VIEW_FILTER, noDates)).toBeNull();
  });

  it("sets a range from thumbs in either order, and no range when they span every year", () => {
    expect(yearRangeFor(2022, 2023, histogram)).toEqual([2022, 2023]);
    expect(yearRangeFor(2024, 2022, histogram)).toEqual([2022, 2024]);
    expect(yearRangeFor(2021, 2025, histogram)).toBeNull();
    expect(yearRangeFor(2025, 2021, histogram)).toBeNull();
    expect(yearRangeFor(2023, 2023, histogram)).toEqual([2023, 2023]);
    expect(yearRangeFor(2020, 2022, noDates)).toBeNull();
  });
});

describe("Filters: node kinds", () => {
  it("keeps the order author, paper, topic whatever the clicking order", () => {
    expect(toggledKinds(["topic"], "author", true)).toEqual(["author", "topic"]);
    expect(toggledKinds(["author", "paper", "topic"], "paper", false)).toEqual(["author", "topic"]);
    expect(toggledKinds([], "topic", false)).toEqual([]);
    expect(toggledKinds(["paper"], "paper", true)).toEqual(["paper"]);
  });
});
