/**
 * Disjoint sets over 0..n-1 (union-find with path halving), shared by paper grouping and author resolution. The
 * caller decides which root survives a join (`link`), since each use keeps its own per-root data beside it.
 */
export class UnionFind {
  private readonly parent: number[];

  constructor(n = 0) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }

  get size(): number {
    return this.parent.length;
  }

  /** A new singleton set; returns its element. */
  add(): number {
    const i = this.parent.length;
    this.parent.push(i);
    return i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) x = p[x] = p[p[x]!]!;
    return x;
  }

  /** Makes root `drop` a child of root `keep`. */
  link(keep: number, drop: number): void {
    this.parent[drop] = keep;
  }
}
