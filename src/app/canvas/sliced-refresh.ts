/**
 * Re-running sigma's reducers on many drawn items without holding the page for long: the items are rewritten in
 * slices of a few milliseconds, each its own task, and the frame is drawn once the last one is done. At 10,000 papers
 * a refresh of every drawn item (the dimming switched on or off, an early Play step hiding 10^5 links) was 300-450 ms
 * of JavaScript in one task on the build machine; the issue asks for at most 200 ms at a time. A small refresh (a hover,
 * a later Play step) fits in the first slice and is drawn at once, as before.
 *
 * Each item is rewritten the way sigma's own partial refresh does it (`refresh({ partialGraph, skipIndexation: true })`:
 * updateNode / updateEdge re-run the reducer, addNodeToProgram / addEdgeToProgram write it in place in the WebGL
 * buffers), but without a render per slice: a frame of a half-rewritten graph would cost a full draw for nothing.
 * The reducers read the latest display state, so a refresh asked while another is under way only adds its items.
 */

import { CHECK_EVERY, SLICE_MS, messageClock, type SliceClock } from "./slices";

/** sigma's per-item steps (its private methods and indices: Sigma 3's partial refresh is made of them). */
export interface ItemRefresher {
  node(key: string): void;
  edge(key: string): void;
  /** Draw now (the refresh fitted in the first slice, as sigma's own partial refresh does). */
  render(): void;
  /** Draw at the next animation frame. */
  scheduleRender(): void;
}

export class SlicedRefresh {
  private nodes: string[] = [];
  private edges: string[] = [];
  private nodeAt = 0;
  private edgeAt = 0;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly items: ItemRefresher,
    private readonly clock: SliceClock = messageClock(),
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Whether items are still waiting to be rewritten. */
  get pending(): boolean {
    return this.nodeAt < this.nodes.length || this.edgeAt < this.edges.length;
  }

  /**
   * Rewrites these items (and any still waiting): the first slice now, the rest in later tasks. `all` replaces what
   * is waiting (every drawn item is named, so nothing waiting is lost).
   */
  refresh(nodes: readonly string[], edges: readonly string[], all = false): void {
    if (all) this.clear();
    this.nodes = this.nodeAt < this.nodes.length ? [...this.nodes.slice(this.nodeAt), ...nodes] : [...nodes];
    this.edges = this.edgeAt < this.edges.length ? [...this.edges.slice(this.edgeAt), ...edges] : [...edges];
    this.nodeAt = 0;
    this.edgeAt = 0;
    if (this.cancel) return; // a slice is already scheduled: it takes these too
    if (this.slice()) this.items.render();
    else this.next();
  }

  /** Drops what is waiting (the render graph was replaced: sigma processes every item of the new one itself). */
  clear(): void {
    this.cancel?.();
    this.cancel = null;
    this.nodes = [];
    this.edges = [];
    this.nodeAt = 0;
    this.edgeAt = 0;
  }

  /** Rewrites items until the slice's time is up; true when none is left. */
  private slice(): boolean {
    const start = this.clock.now();
    let n = 0;
    while (this.nodeAt < this.nodes.length) {
      this.items.node(this.nodes[this.nodeAt++]!);
      if (++n % CHECK_EVERY === 0 && this.clock.now() - start >= this.sliceMs) return false;
    }
    while (this.edgeAt < this.edges.length) {
      this.items.edge(this.edges[this.edgeAt++]!);
      if (++n % CHECK_EVERY === 0 && this.clock.now() - start >= this.sliceMs) return false;
    }
    return true;
  }

  private next(): void {
    this.cancel = this.clock.later(() => {
      this.cancel = null;
      if (this.slice()) {
        this.nodes = [];
        this.edges = [];
        this.nodeAt = 0;
        this.edgeAt = 0;
        this.items.scheduleRender();
      } else this.next();
    });
  }
}

/** The private parts of a Sigma 3 instance that its partial refresh uses. */
interface SigmaItems {
  updateNode(key: string): void;
  updateEdge(key: string): void;
  addNodeToProgram(key: string, index: number, programIndex: number): void;
  addEdgeToProgram(key: string, index: number, programIndex: number): void;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
}

/** Sigma's own partial refresh, one call for everything (a sigma without the parts this module relies on). */
interface SigmaLike {
  refresh(opts: { partialGraph: { nodes: string[]; edges: string[] }; skipIndexation: boolean; schedule?: boolean }): unknown;
  scheduleRender(): unknown;
}

function hasItemSteps(s: unknown): s is SigmaItems {
  const x = s as Partial<SigmaItems>;
  return typeof x.updateNode === "function" && typeof x.updateEdge === "function" && typeof x.addNodeToProgram === "function" && typeof x.addEdgeToProgram === "function";
}

/**
 * The item steps of a sigma renderer. A sigma whose internals differ (another major version) gets one partial
 * refresh per item list instead: correct, only not sliced.
 */
export function sigmaRefresher(sigma: SigmaLike): ItemRefresher | null {
  if (!hasItemSteps(sigma)) return null;
  const s = sigma as unknown as SigmaItems;
  return {
    node: (key) => {
      s.updateNode(key);
      const program = s.nodeProgramIndex[key];
      if (program !== undefined) s.addNodeToProgram(key, s.nodeIndices[key]!, program);
    },
    edge: (key) => {
      s.updateEdge(key);
      const program = s.edgeProgramIndex[key];
      if (program !== undefined) s.addEdgeToProgram(key, s.edgeIndices[key]!, program);
    },
    render: () => void sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true }),
    scheduleRender: () => void sigma.scheduleRender(),
  };
}

/** One partial refresh per call (no slicing): for a sigma without the item steps. */
export function wholeRefresh(sigma: SigmaLike): Pick<SlicedRefresh, "refresh" | "clear"> {
  return {
    refresh: (nodes, edges) => void sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true }),
    clear: () => undefined,
  };
}
