// URL hash <-> shared view: round trips of hand-written views, and malformed links (typos, truncation, hostile
// values) that must fall back to defaults piece by piece without throwing.
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import { parseUrlState, sanitizeForGraph, serializeUrlState } from "../../../src/app/state/url-state";
import { INITIAL_UI_STATE, sharedOf, type SharedState } from "../../../src/app/state/ui-state";

const defaults = sharedOf(INITIAL_UI_STATE);

describe("serializeUrlState / parseUrlState", () => {
  it("reads the colour modes by name, the old name of research clusters too, and large papers on or off", () => {
    expect(parseUrlState("#color=cluster").colorMode).toBe("topicCluster");
    expect(parseUrlState("#color=yearFirst").colorMode).toBe("yearFirst");
    expect(parseUrlState("#color=rainbow").colorMode).toBe("auto");
    expect(parseUrlState("#large=1").filter.includeLargePapers).toBe(true);
    expect(parseUrlState("#large=yes").filter.includeLargePapers).toBe(false);
    expect(serializeUrlState({ ...defaults, colorMode: "community" })).toBe("#color=community");
  });

  it("writes nothing for the default view and reads nothing back as the default view", () => {
    expect(serializeUrlState(defaults)).toBe("");
    expect(parseUrlState("")).toEqual(defaults);
    expect(parseUrlState("#")).toEqual(defaults);
  });

  it("round-trips a view with every field set", () => {
    const view: SharedState = {
      selected: "a:esther-puyol-anton",
      filter: {
        lens: "full",
        kinds: ["author", "topic"],
        yearRange: [2021, 2023],
        includeUndated: false,
        minSharedPapers: 3,
        includeLargePapers: true,
        clusterMode: "community",
        hiddenClusters: [0, 2],
      },
      colorMode: "yearMean",
      sizeMetric: "betweenness",
      camera: { x: 0.25, y: 0.75, ratio: 0.3, angle: 0 },
      ego: 2,
      pathTarget: "a:andrew-p-king",
      levels: { community: 3, topicCluster: 0 },
      showUnstable: true,
      people: { text: "brain & tumour: segmentation" },
    };
    const hash = serializeUrlState(view);
    expect(hash.startsWith("#sel=a%3Aesther-puyol-anton&lens=full")).toBe(true);
    expect(parseUrlState(hash)).toEqual(view);
  });

  it("reads the Resolution levels and the people query, each bad value on its own falling back", () => {
    expect(parseUrlState("#clevel=2&tlevel=x&people=cluster:4").levels).toEqual({ community: 2, topicCluster: null });
    expect(parseUrlState("#people=cluster:4").people).toEqual({ cluster: 4 });
    expect(parseUrlState("#people=topic:t%3Abrain").people).toEqual({ topic: "t:brain" });
    expect(parseUrlState("#people=cluster:x").people).toBeNull();
    expect(parseUrlState("#people=nonsense").people).toBeNull();
    expect(parseUrlState("#clevel=-1").levels.community).toBeNull();
    const ladder = { default: 1, stabilitySeeds: 1, levels: [{ resolution: 0.5, modularity: 0.1, count: 2 }, { resolution: 1, modularity: 0.2, count: 4 }] };
    const attrs = { communityLadder: ladder } as never;
    const s = sanitizeForGraph(parseUrlState("#clevel=7&tlevel=1&people=topic:t:gone"), () => false, { community: new Set(), topicCluster: new Set() }, attrs);
    expect(s.levels).toEqual({ community: null, topicCluster: null });
    expect(s.people).toBeNull();
    expect(sanitizeForGraph(parseUrlState("#clevel=0"), () => false, { community: new Set(), topicCluster: new Set() }, attrs).levels.community).toBe(0);
  });

  it("keeps keys with reserved characters intact", () => {
    const view = { ...defaults, selected: "p:a&b=c#d é/?" };
    expect(parseUrlState(serializeUrlState(view)).selected).toBe("p:a&b=c#d é/?");
  });

  it("rounds the camera so links stay short", () => {
    const hash = serializeUrlState({ ...defaults, camera: { x: 0.123456789, y: 0.5, ratio: 1.000001, angle: 0 } });
    expect(hash).toBe("#cam=0.1235%2C0.5%2C1%2C0");
  });

  it.each([
    ["unknown lens", "#lens=galaxy", { filter: DEFAULT_VIEW_FILTER }],
    ["reversed years", "#years=2023-2021", { filter: DEFAULT_VIEW_FILTER }],
    ["year range that is not numbers", "#years=abc-def", { filter: DEFAULT_VIEW_FILTER }],
    ["no valid kinds", "#kinds=planets", { filter: DEFAULT_VIEW_FILTER }],
    ["negative minimum", "#minw=-4", { filter: DEFAULT_VIEW_FILTER }],
    ["fractional minimum", "#minw=2.5", { filter: DEFAULT_VIEW_FILTER }],
    ["camera with NaN", "#cam=NaN,1,1", { camera: null }],
    ["camera with zero ratio", "#cam=0.5,0.5,0", { camera: null }],
    ["camera with too few numbers", "#cam=0.5", { camera: null }],
    ["camera with an empty part", "#cam=0.5,,1", { camera: null }],
    ["ego out of range", "#ego=7", { ego: 0 }],
    ["unknown size metric", "#size=citations", { sizeMetric: "pagerank" }],
    ["broken percent escape", "#sel=%E0%A4%A", {}],
    ["empty selection", "#sel=", { selected: null }],
  ])("falls back to defaults on %s", (_name, hash, expected) => {
    let parsed: SharedState | undefined;
    expect(() => (parsed = parseUrlState(hash))).not.toThrow();
    expect(parsed).toMatchObject(expected);
  });

  it("keeps the valid parts of a partly broken link", () => {
    const s = parseUrlState("#sel=t%3Abias&lens=galaxy&years=2022-2023&minw=x&hide=1,zz,1,-1&undated=maybe");
    expect(s.selected).toBe("t:bias");
    expect(s.filter).toEqual({ ...DEFAULT_VIEW_FILTER, yearRange: [2022, 2023], hiddenClusters: [-1, 1] });
  });

  it("refuses absurdly long keys", () => {
    expect(parseUrlState("#sel=" + "x".repeat(5000)).selected).toBeNull();
  });

  it("accepts a query string form as well as a hash", () => {
    expect(parseUrlState("?lens=topics").filter.lens).toBe("topics");
  });
});

describe("sanitizeForGraph", () => {
  it("drops node keys and cluster ids the loaded graph does not have", () => {
    const s = parseUrlState("#sel=a%3Agone&path=a%3Ahere&cm=community&hide=0,9");
    const out = sanitizeForGraph(s, (k) => k === "a:here", { community: new Set([0, 1]), topicCluster: new Set([9]) });
    expect(out.selected).toBeNull();
    expect(out.pathTarget).toBe("a:here");
    expect(out.filter.hiddenClusters).toEqual([0]);
  });
});
