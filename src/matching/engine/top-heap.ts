/**
 * The best `capacity` entries seen, as a min-heap whose root is the worst kept entry: O(n log N)
 * for n offers, instead of sorting every scored pair. Order: key1 desc, key2 desc, tie asc.
 */
export class TopHeap {
  readonly key1: Float64Array;
  readonly key2: Float64Array;
  readonly tie: Uint32Array;
  readonly item: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    const c = Math.max(0, capacity);
    this.key1 = new Float64Array(c);
    this.key2 = new Float64Array(c);
    this.tie = new Uint32Array(c);
    this.item = new Int32Array(c);
  }

  /** True when (a) ranks below (b). */
  private worse(a: number, k1: number, k2: number, t: number): boolean {
    const a1 = this.key1[a];
    if (a1 !== k1) return a1 < k1;
    const a2 = this.key2[a];
    if (a2 !== k2) return a2 < k2;
    return this.tie[a] > t;
  }

  /** The lowest key1 an offer needs to have a chance (−Infinity while not full). */
  get threshold(): number {
    return this.size < this.capacity ? -Infinity : this.key1[0];
  }

  offer(k1: number, k2: number, t: number, item: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        // The parent must rank at or below its children; stop once it does.
        if (this.worse(parent, k1, k2, t)) break;
        this.move(parent, i);
        i = parent;
      }
      this.set(i, k1, k2, t, item);
      return;
    }
    // Full: replace the root only if the offer beats it.
    if (!this.worse(0, k1, k2, t)) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      // the worse child
      let c = l;
      if (r < n && this.worse(r, this.key1[l], this.key2[l], this.tie[l])) c = r;
      if (!this.worse(c, k1, k2, t)) break;
      this.move(c, i);
      i = c;
    }
    this.set(i, k1, k2, t, item);
  }

  /** Items best first. */
  sorted(): number[] {
    const idx = Array.from({ length: this.size }, (_, i) => i);
    idx.sort((a, b) => (this.worse(a, this.key1[b], this.key2[b], this.tie[b]) ? 1 : -1));
    return idx.map((i) => this.item[i]);
  }

  private set(i: number, k1: number, k2: number, t: number, item: number): void {
    this.key1[i] = k1;
    this.key2[i] = k2;
    this.tie[i] = t;
    this.item[i] = item;
  }

  private move(from: number, to: number): void {
    this.key1[to] = this.key1[from];
    this.key2[to] = this.key2[from];
    this.tie[to] = this.tie[from];
    this.item[to] = this.item[from];
  }
}
