/**
 * Categorical colours for research clusters and communities. Paul Tol's "muted" scheme plus three Okabe-Ito colours:
 * both were designed to stay distinguishable under the common colour-vision deficiencies, and all 12 read on white and on
 * a dark background. Cluster ids are ordered by size, so the largest clusters get the most distinct colours first.
 * Clusters past the 12th (and nodes without a cluster) share a neutral grey: beyond a dozen hues nobody can tell them
 * apart anyway, and the cluster panel names them.
 */
export const PALETTE: readonly string[] = Object.freeze([
  "#0072B2", // blue (Okabe-Ito)
  "#E69F00", // orange (Okabe-Ito)
  "#44AA99", // teal
  "#CC6677", // rose
  "#332288", // indigo
  "#DDCC77", // sand
  "#117733", // green
  "#88CCEE", // cyan
  "#882255", // wine
  "#AA4499", // purple
  "#999933", // olive
  "#D55E00", // vermillion (Okabe-Ito)
]);

/** "Other": clusters beyond the palette, nodes without a cluster, the community of authors without co-authors. */
export const OTHER_COLOR = "#BBBBBB";

export function clusterColor(id: number): string {
  return id >= 0 && id < PALETTE.length ? PALETTE[id]! : OTHER_COLOR;
}

/** Edge colours: light greys with alpha so thousands of edges read as a haze behind the nodes, not a black mass. */
export const EDGE_COLORS = Object.freeze({
  authored: "#9E9E9E40",
  coauthor: "#8A8A8A66",
  about: "#B0B0B040",
  related: "#8A8A8A66",
});
