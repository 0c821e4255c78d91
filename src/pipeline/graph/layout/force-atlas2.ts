/**
 * ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a continuous graph layout algorithm for handy
 * network visualization designed for the Gephi software", PLoS ONE 9(6)) on flat typed arrays:
 * - repulsion between every pair of nodes, k_r (m_i m_j) / d with mass m = degree + 1, computed exactly below
 *   BARNES_HUT_MIN_NODES nodes and with a Barnes-Hut quadtree above (a cell of width s at distance d from a node is
 *   one body when s / d < theta): O(N log N) per iteration instead of O(N^2);
 * - linear attraction along every edge, d x weight;
 * - strong gravity towards the origin, k_r m g d, so disconnected parts stay on the map;
 * - adaptive speed per node from its swinging (how much its force changed direction) and traction (how much it kept
 *   it), damped by slowDown, so a node that oscillates slows down and one moving steadily keeps going.
 *
 * Written here rather than running graphology-layout-forceatlas2 because the graph stage computes on arrays before the
 * graphology graph exists, and because graphology's iteration, reading the graph into its matrices and back, and its
 * quadtree cost about four times as much per iteration at 25,000 nodes. Deterministic: no randomness, fixed
 * visiting orders; every sum is taken in node or edge order.
 */

export interface ForceAtlas2Settings {
  scalingRatio: number;
  gravity: number;
  slowDown: number;
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
  edgeWeightInfluence: number;
}

export interface LayoutEdges {
  count: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/** Cell states in the quadtree's `body` array (values >= 0 are the node a leaf holds). */
const EMPTY = -1;
const INTERNAL = -2;
/** A leaf so deep that its nodes sit on one spot: they are kept together (overlap removal separates them later). */
const BUCKET = -3;
const MAX_DEPTH = 40;

/** A quadtree over node positions, rebuilt every iteration, in preallocated typed arrays. */
class QuadTree {
  private capacity: number;
  child: Int32Array;
  body: Int32Array;
  mass: Float64Array;
  massX: Float64Array;
  massY: Float64Array;
  left: Float64Array;
  bottom: Float64Array;
  width: Float64Array;
  cells = 0;

  constructor(nodes: number) {
    this.capacity = Math.max(16, nodes * 2);
    this.child = new Int32Array(this.capacity * 4);
    this.body = new Int32Array(this.capacity);
    this.mass = new Float64Array(this.capacity);
    this.massX = new Float64Array(this.capacity);
    this.massY = new Float64Array(this.capacity);
    this.left = new Float64Array(this.capacity);
    this.bottom = new Float64Array(this.capacity);
    this.width = new Float64Array(this.capacity);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const copy = <A extends Int32Array | Float64Array>(a: A, n: number): A => {
      const b = new (a.constructor as new (n: number) => A)(n);
      b.set(a);
      return b;
    };
    this.child = copy(this.child, capacity * 4);
    this.body = copy(this.body, capacity);
    this.mass = copy(this.mass, capacity);
    this.massX = copy(this.massX, capacity);
    this.massY = copy(this.massY, capacity);
    this.left = copy(this.left, capacity);
    this.bottom = copy(this.bottom, capacity);
    this.width = copy(this.width, capacity);
    this.capacity = capacity;
  }

  private cell(left: number, bottom: number, width: number): number {
    if (this.cells === this.capacity) this.grow();
    const c = this.cells++;
    this.child.fill(-1, c * 4, c * 4 + 4);
    this.body[c] = EMPTY;
    this.mass[c] = 0;
    this.massX[c] = 0;
    this.massY[c] = 0;
    this.left[c] = left;
    this.bottom[c] = bottom;
    this.width[c] = width;
    return c;
  }

  /** Child of cell c in the quadrant of (x, y), created if absent. */
  private quadrant(c: number, x: number, y: number): number {
    const half = this.width[c]! / 2;
    const right = x >= this.left[c]! + half ? 1 : 0;
    const top = y >= this.bottom[c]! + half ? 1 : 0;
    const q = c * 4 + right + 2 * top;
    let k = this.child[q]!;
    if (k < 0) {
      k = this.cell(this.left[c]! + right * half, this.bottom[c]! + top * half, half);
      this.child[q] = k;
    }
    return k;
  }

  build(x: Float64Array, y: Float64Array, mass: Float64Array): void {
    const n = x.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]!);
      maxX = Math.max(maxX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    this.cells = 0;
    const width = Math.max(maxX - minX, maxY - minY, 1e-9) * 1.0001;
    this.cell(minX, minY, width);
    for (let i = 0; i < n; i++) this.insert(i, x, y, mass);
  }

  private insert(i: number, x: Float64Array, y: Float64Array, mass: Float64Array): void {
    const m = mass[i]!;
    let c = 0;
    for (let depth = 0; ; depth++) {
      this.mass[c]! += m;
      this.massX[c]! += m * x[i]!;
      this.massY[c]! += m * y[i]!;
      const b = this.body[c]!;
      if (b === EMPTY) {
        this.body[c] = i;
        return;
      }
      if (b === BUCKET) return;
      if (b >= 0) {
        if (depth >= MAX_DEPTH) {
          this.body[c] = BUCKET;
          return;
        }
        // Split the leaf: its node moves one level down (its mass is already counted here).
        this.body[c] = INTERNAL;
        const k = this.quadrant(c, x[b]!, y[b]!);
        this.body[k] = b;
        this.mass[k] = mass[b]!;
        this.massX[k] = mass[b]! * x[b]!;
        this.massY[k] = mass[b]! * y[b]!;
      }
      c = this.quadrant(c, x[i]!, y[i]!);
    }
  }
}

/** Adds the repulsion every node feels to fx/fy, Barnes-Hut approximated. */
function repulsionBarnesHut(tree: QuadTree, x: Float64Array, y: Float64Array, mass: Float64Array, kr: number, theta: number, fx: Float64Array, fy: Float64Array): void {
  const n = x.length;
  const theta2 = theta * theta;
  const stack = new Int32Array(MAX_DEPTH * 4 + 8);
  const { child, body, massX, massY, left, bottom, width } = tree;
  const cellMass = tree.mass;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const mi = mass[i]!;
    let ax = 0;
    let ay = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const c = stack[--top]!;
      const b = body[c]!;
      if (b === i || b === EMPTY) continue;
      let m = cellMass[c]!;
      let sx = massX[c]!;
      let sy = massY[c]!;
      const w = width[c]!;
      const inside = xi >= left[c]! && xi < left[c]! + w && yi >= bottom[c]! && yi < bottom[c]! + w;
      if (inside && b === BUCKET) {
        // A bucket holding this node: the others in it, without itself.
        m -= mi;
        sx -= mi * xi;
        sy -= mi * yi;
        if (m <= 1e-12) continue;
      }
      const dx = xi - sx / m;
      const dy = yi - sy / m;
      const d2 = dx * dx + dy * dy;
      if (b === INTERNAL && (inside || w * w >= theta2 * d2)) {
        for (let q = 0; q < 4; q++) {
          const k = child[c * 4 + q]!;
          if (k >= 0) stack[top++] = k;
        }
        continue;
      }
      if (d2 > 0) {
        const factor = (kr * mi * m) / d2;
        ax += dx * factor;
        ay += dy * factor;
      }
    }
    fx[i]! += ax;
    fy[i]! += ay;
  }
}

/** Exact repulsion over all pairs (small graphs). */
function repulsionExact(x: Float64Array, y: Float64Array, mass: Float64Array, kr: number, fx: Float64Array, fy: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[i]! - x[j]!;
      const dy = y[i]! - y[j]!;
      const d2 = dx * dx + dy * dy;
      if (d2 <= 0) continue;
      const factor = (kr * mass[i]! * mass[j]!) / d2;
      fx[i]! += dx * factor;
      fy[i]! += dy * factor;
      fx[j]! -= dx * factor;
      fy[j]! -= dy * factor;
    }
  }
}

/** Runs `iterations` ForceAtlas2 steps on x/y in place. `mass` is degree + 1 per node. */
export function forceAtlas2(
  x: Float64Array,
  y: Float64Array,
  mass: Float64Array,
  edges: LayoutEdges,
  settings: ForceAtlas2Settings,
  iterations: number,
  onIteration: (done: number) => void = () => {},
): void {
  const n = x.length;
  if (n === 0) return;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const oldFx = new Float64Array(n);
  const oldFy = new Float64Array(n);
  const convergence = new Float64Array(n).fill(1);
  const tree = settings.barnesHutOptimize ? new QuadTree(n) : null;
  const kr = settings.scalingRatio;
  const influence = settings.edgeWeightInfluence;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      oldFx[i] = fx[i]!;
      oldFy[i] = fy[i]!;
      fx[i] = 0;
      fy[i] = 0;
    }
    if (tree) {
      tree.build(x, y, mass);
      repulsionBarnesHut(tree, x, y, mass, kr, settings.barnesHutTheta, fx, fy);
    } else repulsionExact(x, y, mass, kr, fx, fy);

    for (let i = 0; i < n; i++) {
      const factor = kr * mass[i]! * settings.gravity;
      fx[i]! -= x[i]! * factor;
      fy[i]! -= y[i]! * factor;
    }
    for (let e = 0; e < edges.count; e++) {
      const s = edges.source[e]!;
      const t = edges.target[e]!;
      const w = edges.weight[e]!;
      const strength = influence === 0 ? 1 : influence === 1 ? w : Math.pow(w, influence);
      const dx = x[s]! - x[t]!;
      const dy = y[s]! - y[t]!;
      fx[s]! -= dx * strength;
      fy[s]! -= dy * strength;
      fx[t]! += dx * strength;
      fy[t]! += dy * strength;
    }

    for (let i = 0; i < n; i++) {
      const sx = oldFx[i]! - fx[i]!;
      const sy = oldFy[i]! - fy[i]!;
      const swinging = mass[i]! * Math.sqrt(sx * sx + sy * sy);
      const tx = oldFx[i]! + fx[i]!;
      const ty = oldFy[i]! + fy[i]!;
      const traction = Math.sqrt(tx * tx + ty * ty) / 2;
      const damp = 1 + Math.sqrt(swinging);
      const speed = (convergence[i]! * Math.log(1 + traction)) / damp;
      const f2 = fx[i]! * fx[i]! + fy[i]! * fy[i]!;
      convergence[i] = Math.min(1, Math.sqrt((speed * f2) / damp));
      x[i]! += fx[i]! * (speed / settings.slowDown);
      y[i]! += fy[i]! * (speed / settings.slowDown);
    }
    onIteration(it + 1);
  }
}
