/**
 * Shared types of the exporters. The exporters are pure: they take the data graph (public/data/graph.json loaded into
 * graphology), an optional view and the provenance, and return file contents. No Node built-ins, no DOM, no clock.
 */
import type { Attributes } from "graphology-types";
import type { ResolvedColorMode } from "../model/appearance";
import type { ViewFilter } from "../model/view-filter";

/**
 * What the exporters read of a graph: graphology's Graph satisfies it, and so does the explorer's CompactGraph (with
 * its heavy attributes loaded).
 */
export interface ExportableGraph {
  readonly type: string;
  readonly multi: boolean;
  readonly allowSelfLoops: boolean;
  getAttributes(): object;
  getNodeAttributes(key: string): object;
  forEachNode(callback: (key: string, attributes: Attributes) => void): void;
  forEachNeighbor(key: string, callback: (neighbor: string, attributes: Attributes) => void): void;
  forEachEdge(callback: (key: string, attributes: Attributes, source: string, target: string, sa: Attributes, ta: Attributes, undirected: boolean) => void): void;
}

export const EXPORT_FORMATS = ["gexf", "graphml", "csv", "json", "vosviewer", "svg"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a node is drawn on screen right now (the app's nodeReducer output). */
export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  /** null when the label is not shown. */
  label: string | null;
  hidden: boolean;
  forceLabel: boolean;
}

/**
 * "The current view": the filter (shared with the app) and, from the app, how each node is drawn. The app hands the
 * display without the on-screen dimming of a selection (real colours), unless the user asked for the view as shown.
 */
export interface ExportView {
  filter: ViewFilter;
  nodeDisplay?: (key: string) => NodeDisplay;
}

/** Where an export came from. Goes into each export's own metadata, never into public/data/graph.json. */
export interface Provenance {
  /** Input files the graph was built from (graph attribute `sources[].file`). */
  inputFiles: string[];
  /** Build options (seed, resolution, ...) from the graph attributes. */
  options: Record<string, unknown>;
  filter: ViewFilter | "whole graph";
  /**
   * What the node colours show, named by the caller (the explorer's resolved colour choice, the CLI's --color-mode):
   * exporters colour, number clusters and write legends from it, never from guessing at the colours.
   */
  colorMode: ResolvedColorMode;
  /** ISO timestamp supplied by the caller (the exporters never read a clock). */
  exportedAt: string;
  /** e.g. "papergraph 0.1.0". */
  generator: string;
  /** The ladder levels exported, when chosen (ExportOptions.levels), with their resolutions. */
  levels?: { community: number; topicCluster: number; resolution: { community: number | null; topicCluster: number | null } };
}

export interface ExportFile {
  name: string;
  content: string | Uint8Array;
  mime: string;
}

export interface ExportResult {
  files: ExportFile[];
}

export interface LegendItem {
  label: string;
  color: string;
}

/** Levels of the resolution ladders to export (graph attributes communityLadder / topicClusterLadder); absent: the build's. */
export interface ExportLevels {
  community?: number;
  topicCluster?: number;
}

export interface ExportOptions {
  /** Colour and group by these levels of the resolution ladders (the exporters see them as the graph's partitions). */
  levels?: ExportLevels;
  /** SVG: draw the legend and the cluster names (default true). */
  legend?: boolean;
  /** SVG: the dark theme's background and ink (default light: pictures for print). */
  dark?: boolean;
}
