// Dinic's maximum flow on integer capacities, with flat typed arrays (graphs of a few hundred
// thousand edges: 200 evaluators × 1,000 files). Deterministic: edges are tried in insertion order.

export class FlowGraph {
  private head: Int32Array;
  private tails: Int32Array;
  private next = new Int32Array(1024);
  private to = new Int32Array(1024);
  private cap = new Float64Array(1024);
  private edges = 0;
  private level: Int32Array;
  private iter: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.tails = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iter = new Int32Array(nodes);
  }

  private grow(): void {
    const n = this.to.length * 2;
    const next = new Int32Array(n);
    next.set(this.next);
    const to = new Int32Array(n);
    to.set(this.to);
    const cap = new Float64Array(n);
    cap.set(this.cap);
    this.next = next;
    this.to = to;
    this.cap = cap;
  }

  /** Adds u → v with capacity c; returns the edge index (its reverse is index ^ 1). */
  addEdge(u: number, v: number, c: number): number {
    if (this.edges + 2 > this.to.length) this.grow();
    const e = this.edges;
    this.edges += 2;
    this.to[e] = v;
    this.to[e + 1] = u;
    this.cap[e] = c;
    this.cap[e + 1] = 0;
    // Append at the end of u's list so that edges are tried in insertion order.
    this.link(u, e);
    this.link(v, e + 1);
    return e;
  }

  private link(u: number, e: number): void {
    this.next[e] = -1;
    const tail = this.tails[u]!;
    if (tail < 0) this.head[u] = e;
    else this.next[tail] = e;
    this.tails[u] = e;
  }

  flowOn(e: number): number {
    return this.cap[e ^ 1]!;
  }

  private bfs(s: number, t: number): boolean {
    this.level.fill(-1);
    const queue = new Int32Array(this.nodes);
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    this.level[s] = 0;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[v]! < 0) {
          this.level[v] = this.level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    return this.level[t]! >= 0;
  }

  /** Iterative DFS pushing one augmenting path at a time (unit-ish capacities). */
  private dfs(s: number, t: number): number {
    const stackNode: number[] = [s];
    const stackEdge: number[] = [];
    while (stackNode.length) {
      const u = stackNode[stackNode.length - 1]!;
      if (u === t) {
        let f = Infinity;
        for (const e of stackEdge) f = Math.min(f, this.cap[e]!);
        for (const e of stackEdge) {
          this.cap[e] = this.cap[e]! - f;
          this.cap[e ^ 1] = this.cap[e ^ 1]! + f;
        }
        return f;
      }
      let advanced = false;
      for (let e = this.iter[u]!; e >= 0; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[v] === this.level[u]! + 1) {
          this.iter[u] = e;
          stackNode.push(v);
          stackEdge.push(e);
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        this.iter[u] = -1;
        this.level[u] = -1; // dead end for this phase
        stackNode.pop();
        const e = stackEdge.pop();
        if (e !== undefined) {
          const prev = stackNode[stackNode.length - 1]!;
          this.iter[prev] = this.next[e]!;
        }
      }
    }
    return 0;
  }

  maxFlow(s: number, t: number): number {
    let flow = 0;
    while (this.bfs(s, t)) {
      this.iter.set(this.head);
      for (let f = this.dfs(s, t); f > 0; f = this.dfs(s, t)) flow += f;
    }
    return flow;
  }
}
