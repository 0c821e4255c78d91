// graphology-layout-forceatlas2 exposes only "run N iterations"; the layout calls its own iteration step (the same
// files its index.js uses) so a build can report each iteration. Types for the three internal files it reads.
declare module "graphology-layout-forceatlas2/iterate.js" {
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): void;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  const helpers: {
    assign<T extends object>(target: T, ...sources: object[]): T;
    validateSettings(settings: Record<string, unknown>): { message: string } | null;
    /** getEdgeWeight: graphology-utils' createEdgeWeightGetter(...).fromEntry. */
    graphToByteArrays(graph: unknown, getEdgeWeight: unknown): { nodes: Float32Array; edges: Float32Array };
    collectLayoutChanges(graph: unknown, nodes: Float32Array): Record<string, { x: number; y: number }>;
  };
  export default helpers;
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  const defaults: Record<string, unknown>;
  export default defaults;
}
