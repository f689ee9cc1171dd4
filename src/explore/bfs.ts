// Exhaustive breadth-first search. Level by level: only the current and next levels' states are
// kept whole; every distinct state keeps its parent's number and the instance that reached it, so
// the shortest path to a violation is rebuilt by replaying instances from the initial state.
// Invariants are checked once per distinct state, step properties on every transition.

import os from "node:os";
import type { Model } from "../model/model.js";
import { PropertyChecks, toViolation, type Found } from "./checks.js";
import { FP, fingerprint } from "./hash.js";
import { snapshotCoverage, type CoverageSnapshot, type PropertySelection, type Violation, selectAll } from "./result.js";
import { ExactSet, FingerprintSet, type SeenSet } from "./seen.js";

export interface BfsOptions {
  /** Store whole states instead of fingerprints (no collisions; for small spaces). */
  readonly exact?: boolean;
  readonly maxStates?: number;
  /** Stop after exploring this many steps from the initial state. */
  readonly maxDepth?: number;
  /** Memory ceiling for the search's own tables, in bytes. */
  readonly memoryBytes?: number;
  /** Keep going after a violation, to report every property that fails. */
  readonly continueAfterViolation?: boolean;
  readonly properties?: PropertySelection;
  readonly onProgress?: (p: BfsProgress) => void;
  /** Milliseconds between progress reports (default 1000). */
  readonly progressEveryMs?: number;
  /** Checked now and then; the search stops cleanly when it returns true. */
  readonly shouldStop?: () => boolean;
}

export interface BfsProgress {
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  readonly queue: number;
  readonly seconds: number;
}

export type BfsLimit = "states" | "depth" | "memory" | "interrupted";

export interface BfsStats {
  /** The initial state plus every successor computed (TLC's "states generated"). */
  readonly generated: number;
  readonly distinct: number;
  /** Levels explored, counting the initial state's (TLC's "diameter"). */
  readonly depth: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  /** TLC's optimistic estimate n * (generated - n) / 2^64; 0 in exact mode. */
  readonly collisionProbability: number;
  /** States found but not yet expanded when the search stopped. */
  readonly queue: number;
  readonly bytes: number;
}

export interface BfsResult {
  readonly violations: Violation[];
  /** Set when the search stopped before exploring everything. */
  readonly limit?: { readonly kind: BfsLimit; readonly message: string };
  readonly stats: BfsStats;
  readonly coverage: CoverageSnapshot;
  readonly exact: boolean;
}

/** A growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Int32Array(initial);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/** States of one BFS level, stored back to back. */
class Level {
  data: Int32Array;
  count = 0;
  constructor(private readonly width: number) {
    this.data = new Int32Array(Math.max(1, width) * 256);
  }
  push(s: Int32Array): void {
    const w = this.width;
    if ((this.count + 1) * w > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data.set(s, this.count * w);
    this.count++;
  }
  load(i: number, into: Int32Array): void {
    const w = this.width;
    const d = this.data;
    const o = i * w;
    for (let j = 0; j < w; j++) into[j] = d[o + j];
  }
}

export function defaultMemoryBytes(): number {
  return Math.min(16 * 2 ** 30, Math.floor(os.totalmem() * 0.6));
}

function gib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}

/** The instances leading from the initial state to state number `n`. */
function pathTo(n: number, parent: IntList, via: IntList): number[] {
  const path: number[] = [];
  while (n > 0) {
    path.push(via.data[n]);
    n = parent.data[n];
  }
  return path.reverse();
}

export function bfs(model: Model, options: BfsOptions = {}): BfsResult {
  const t0 = performance.now();
  const width = model.width;
  const exact = options.exact ?? false;
  const seen: SeenSet = exact ? new ExactSet(width) : new FingerprintSet();
  const maxStates = options.maxStates ?? Infinity;
  const maxDepth = options.maxDepth ?? Infinity;
  const memory = options.memoryBytes ?? defaultMemoryBytes();
  const continueAll = options.continueAfterViolation ?? false;
  const checks = new PropertyChecks(model, options.properties ?? selectAll(model));
  const progressEvery = options.progressEveryMs ?? 1000;
  model.resetCoverage();

  const parent = new IntList();
  const via = new IntList();
  const violations: Violation[] = [];
  const found: Found[] = [];
  let limit: BfsResult["limit"];

  let cur = new Level(width);
  let next = new Level(width);
  const s = new Int32Array(width);
  const d = new Int32Array(width);
  model.init(s);
  seen.add(s, fingerprint(s, width), FP.h2);
  parent.push(-1);
  via.push(-1);
  cur.push(s);
  let generated = 1;
  let depth = 1;
  let stop = false;

  const record = (f: Found, instances: () => number[]): void => {
    if (!checks.report(f.property)) return;
    violations.push(toViolation(f, instances()));
    // With --continue the whole space is explored, as TLC's -continue does, so counts stay comparable.
    if (!continueAll) stop = true;
  };

  checks.invariants(s, continueAll, found);
  for (const f of found) record(f, () => []);
  found.length = 0;

  let curIndex = 0; // global number of the state being expanded
  let levelStart = 0; // global number of the first state of the current level
  let lastProgress = t0;
  let expanded = 0;

  const bytesNow = () => seen.bytes() + parent.data.byteLength * 2 + cur.data.byteLength + next.data.byteLength;

  const emit = (inst: number): boolean => {
    generated++;
    if (checks.hasSteps) {
      checks.steps(s, d, inst, continueAll, found);
      if (found.length > 0) {
        for (const f of found) record(f, () => [...pathTo(curIndex, parent, via), inst]);
        found.length = 0;
        if (stop) return true;
      }
    }
    const h1 = fingerprint(d, width);
    if (!seen.add(d, h1, FP.h2)) return false;
    const n = parent.length;
    parent.push(curIndex);
    via.push(inst);
    next.push(d);
    checks.invariants(d, continueAll, found);
    if (found.length > 0) {
      for (const f of found) record(f, () => pathTo(n, parent, via));
      found.length = 0;
      if (stop) return true;
    }
    if (seen.size >= maxStates) {
      limit = { kind: "states", message: `stopped at --max-states ${maxStates}` };
      stop = true;
      return true;
    }
    return false;
  };

  const onFail = (inst: number): boolean => {
    generated++;
    const f = model.failure;
    record({ property: { kind: "well_typed", index: -1, name: "well_typed" }, failure: { site: f.site, detail: f.detail } }, () => [
      ...pathTo(curIndex, parent, via),
      inst,
    ]);
    return stop;
  };

  outer: while (!stop && cur.count > 0) {
    if (depth > maxDepth) {
      limit = { kind: "depth", message: `stopped at --max-depth ${maxDepth}` };
      break;
    }
    for (let i = 0; i < cur.count; i++) {
      cur.load(i, s);
      curIndex = levelStart + i;
      if (model.expand(s, d, emit, onFail) || stop) break outer;
      if ((++expanded & 0xfff) === 0) {
        const now = performance.now();
        if (bytesNow() > memory) {
          limit = { kind: "memory", message: `stopped at the memory ceiling of ${gib(memory)} (use --memory to raise it)` };
          break outer;
        }
        if (options.shouldStop?.()) {
          limit = { kind: "interrupted", message: "interrupted" };
          break outer;
        }
        if (options.onProgress && now - lastProgress >= progressEvery) {
          lastProgress = now;
          options.onProgress({ generated, distinct: seen.size, depth, queue: cur.count - i + next.count, seconds: (now - t0) / 1000 });
        }
      }
    }
    levelStart += cur.count;
    [cur, next] = [next, cur];
    next.count = 0;
    if (cur.count > 0) depth++;
  }

  const seconds = (performance.now() - t0) / 1000;
  const distinct = seen.size;
  const queueLeft = stop || limit ? cur.count + next.count : 0;
  return {
    violations,
    ...(limit ? { limit } : {}),
    stats: {
      generated,
      distinct,
      depth,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : distinct,
      collisionProbability: exact ? 0 : (distinct * Math.max(0, generated - distinct)) / 2 ** 64,
      queue: queueLeft,
      bytes: bytesNow(),
    },
    coverage: snapshotCoverage(model),
    exact,
  };
}
