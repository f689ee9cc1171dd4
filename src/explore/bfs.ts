// Exhaustive breadth-first search, single-threaded (src/explore/parallel.ts runs the same engine on
// several worker threads). Level by level: only the current and next levels' states are kept, bit-
// packed; every distinct state keeps its parent's number and the instance that reached it, so the
// shortest path to a violation is rebuilt by replaying instances from the initial state.
// Invariants are checked once per distinct state, step properties on every transition.

import os from "node:os";
import type { Model } from "../model/model.js";
import { toViolation } from "./checks.js";
import { makeEngine, type Anchor, type Engine, type GraphHooks } from "./engine.js";
import { exactFingerprints } from "./hash.js";
import { ceilingWatch, roomFor } from "./memory.js";
import { makePacker, type Packer } from "./pack.js";
import { snapshotCoverage, type CoverageSnapshot, type LivenessSummary, type PropertySelection, type Violation, selectAll } from "./result.js";
import { BitstateSet, DIRECT_MAX_BITS, DirectSet, ExactSet, FingerprintSet, SharedDirectSet, TableFull, type SeenSet } from "./seen.js";
import { LocalLevels, Queue } from "./store.js";
import { concretePath } from "./symmetry-path.js";
import { hasSymmetry, makeCanonicalizer, type Canonicalizer } from "./symmetry.js";
import type { CheckpointPlan, CheckpointReport } from "./checkpoint.js";
import { captureSingle, restoreSingle } from "./checkpoint-bfs.js";
import type { LoadedCheckpoint } from "./checkpoint-load.js";
import { CheckpointWriter } from "./checkpoint-writer.js";
import { IndexedSet } from "./liveness/indexed-set.js";

export interface BfsOptions {
  /** Store whole (packed) states instead of fingerprints (no collisions). */
  readonly exact?: boolean;
  /** Spin's supertrace: k bits per state in a bit array of this many bits (partial coverage). */
  readonly bitstate?: number;
  /** Canonicalise states under permutations of the spec's symmetric types (default: on if it has any). */
  readonly symmetry?: boolean;
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
  /** Write the search's state to a file now and then (src/explore/checkpoint.ts). */
  readonly checkpoint?: CheckpointPlan;
  /** Continue the search a checkpoint holds (opened by src/explore/checkpoint-load.ts). */
  readonly resume?: LoadedCheckpoint;
  /** Liveness (src/explore/liveness/search.ts): record the graph; its own numbering seen-set. */
  readonly graph?: GraphRecording;
}

/** What a liveness search gives the breadth-first search to record the reachable graph. */
export interface GraphRecording {
  readonly seen: SeenSet;
  readonly hooks: GraphHooks;
  /** Whether the seen-set identifies states exactly. */
  readonly exact: boolean;
  /** Bytes held by the graph (counted against the memory ceiling). */
  bytes(): number;
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
  /** The longest shortest path found, in steps: the initial state is at depth 0. TLC's "diameter"
   * counts states on that path, so it is depth + 1. */
  readonly depth: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  /** TLC's optimistic estimate n * (generated - n) / 2^64; 0 when the seen-set is exact. */
  readonly collisionProbability: number;
  /** States found but not yet expanded when the search stopped. */
  readonly queue: number;
  /** Bytes held by the search's tables at the end (seen-set, trace, level queues). */
  readonly bytes: number;
  /** Words per packed state. */
  readonly packedWords: number;
  /** Parallel search: seconds the workers took to start and compile the spec (not in `seconds`). */
  readonly startSeconds?: number;
}

export interface SymmetryReport {
  /** The symmetric types states were canonicalised under. */
  readonly types: readonly string[];
  /** Number of permutations in the symmetry group. */
  readonly group: number;
  /** The unreduced number of distinct states: the sum of the orbit sizes of the states found. */
  readonly fullStates: number;
}

export interface BitstateReport {
  readonly bits: number;
  readonly hashes: number;
  /** Estimated fraction of the reachable states explored. */
  readonly coverage: number;
  /** Estimated number of states wrongly taken as already seen (so not explored). */
  readonly missed: number;
  /** Bits per state stored (Spin's "hash factor"). */
  readonly hashFactor: number;
}

export interface BfsResult {
  readonly violations: Violation[];
  /** Set when the search stopped before exploring everything. */
  readonly limit?: { readonly kind: BfsLimit; readonly message: string };
  readonly stats: BfsStats;
  readonly coverage: CoverageSnapshot;
  readonly exact: boolean;
  /** How the seen-set keeps states (what the report says of exactness). */
  readonly storage: SeenStorage;
  readonly workers: number;
  /** `--workers auto` on a large space: the cores, and those other processes kept busy during the probe (-1: unknown). */
  readonly auto?: { readonly cores: number; readonly othersCores: number };
  readonly symmetry?: SymmetryReport;
  readonly bitstate?: BitstateReport;
  /** Checkpoints written, and the one the search resumed from. */
  readonly checkpoint?: CheckpointReport;
  /** Set when liveness properties were checked (src/explore/liveness/search.ts). */
  readonly liveness?: LivenessSummary;
}

export function defaultMemoryBytes(): number {
  return Math.min(16 * 2 ** 30, Math.floor(os.totalmem() * 0.6));
}

export function gib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}

/** States expanded between checks of the clock, the memory ceiling and interruption. */
export const CHUNK = 2048;

/** The canonicaliser to use, or null (no symmetric types, or symmetry turned off). */
export function canonicalizerFor(model: Model, options: BfsOptions): Canonicalizer | null {
  if (options.symmetry === false || !hasSymmetry(model)) return null;
  return makeCanonicalizer(model);
}

export function seenSetFor(options: BfsOptions, packer: Packer, memory: number): SeenSet {
  if (options.bitstate !== undefined) return new BitstateSet(options.bitstate);
  if (packer.bits <= DIRECT_MAX_BITS) return new DirectSet(packer.bits);
  if (options.exact && !exactFingerprints(packer.words)) return new ExactSet(packer.words);
  return new FingerprintSet(0, memory, (bytes) => roomFor(memory, bytes));
}

/** The instances from the initial state to the state numbered `n` (global numbering). */
export function pathTo(n: number, parent: (n: number) => number, via: (n: number) => number, root = 0): number[] {
  const path: number[] = [];
  while (n !== root && n >= 0) {
    path.push(via(n));
    n = parent(n);
  }
  return path.reverse();
}

/** A violation's action path (concrete: under symmetry, mapped back to the unreduced model). */
export function anchorViolation(model: Model, canon: Canonicalizer | null, a: Anchor, path: (n: number) => number[]): Violation {
  let instances = path(a.state);
  if (a.inst >= 0) instances = [...instances, a.inst];
  if (canon) instances = concretePath(model, canon, instances, a.found);
  return toViolation(a.found, instances);
}

export function collisionProbability(exact: boolean, distinct: number, generated: number): number {
  return exact ? 0 : (distinct * Math.max(0, generated - distinct)) / 2 ** 64;
}

export function bitstateReport(seen: SeenSet): BitstateReport | undefined {
  if (!(seen instanceof BitstateSet)) return undefined;
  return { bits: seen.bits, hashes: seen.k, coverage: seen.coverage(), missed: seen.omitted, hashFactor: seen.bits / Math.max(1, seen.size) };
}

export function bfs(model: Model, options: BfsOptions = {}): BfsResult {
  const g = bfsSlices(model, options);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** bfs, yielding to the event loop every 50 ms or so, so a signal handler (Ctrl-C) runs and
 * `shouldStop` can stop the search. The same search and result as bfs. */
export async function bfsAsync(model: Model, options: BfsOptions = {}): Promise<BfsResult> {
  const g = bfsSlices(model, options);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Milliseconds of search between yields of bfsSlices. */
const SLICE_MS = 50;

/** The search as a generator that yields between chunks, about every SLICE_MS. */
function* bfsSlices(model: Model, options: BfsOptions): Generator<void, BfsResult> {
  const t0 = performance.now();
  const memory = options.memoryBytes ?? defaultMemoryBytes();
  const packer = makePacker(model.layout);
  const graph = options.graph;
  const seen = graph ? graph.seen : seenSetFor(options, packer, memory);
  const exact = graph ? graph.exact : isExact(seen, packer);
  const storage: SeenStorage = graph ? (!graph.exact ? "fingerprints" : exactFingerprints(packer.words) ? "keys" : "whole") : storageOf(seen, packer);
  // A liveness search needs the unreduced graph (src/explore/liveness/search.ts).
  const canon = graph ? null : canonicalizerFor(model, options);
  const maxDepth = options.maxDepth ?? Infinity;
  const progressEvery = options.progressEveryMs ?? 1000;
  model.resetCoverage();

  const levels = new LocalLevels(packer.words, model.instanceCount);
  const eng: Engine = makeEngine({
    model,
    packer,
    seen,
    store: levels,
    continueAll: options.continueAfterViolation ?? false,
    selection: options.properties ?? selectAll(model),
    canon,
    graph: graph?.hooks ?? null,
  });
  eng.maxStates = options.maxStates ?? Infinity;
  let limit: BfsResult["limit"];
  const bytesNow = () => seen.bytes() + levels.bytes() + (graph ? graph.bytes() : 0);
  const overCeiling = ceilingWatch(memory);
  const memoryLimit = () => ({ kind: "memory" as const, message: `stopped at the memory ceiling of ${gib(memory)} (use --memory to raise it)` });

  let depth = 1;
  let base = 0; // number of the current level's first state
  let prior = 0; // seconds searched before a checkpoint this search resumed from
  const search = { model, seen, levels, eng, words: packer.words };
  if (options.resume) {
    ({ depth, base, seconds: prior } = restoreSingle(options.resume, search));
  } else {
    eng.addInitial();
    levels.swap();
  }
  const resumed = options.resume ? { file: options.resume.file, mode: "single" as const, depth, distinct: seen.size, seconds: prior } : undefined;
  const ck = options.checkpoint ? new CheckpointWriter(options.checkpoint, resumed) : null;
  const save = (from: number) => {
    const c = captureSingle(search, depth, base, from, prior + (performance.now() - t0) / 1000);
    ck!.write(c.header, c.sections);
  };
  let lastProgress = t0;
  let lastYield = t0;
  let left = 0;

  try {
    outer: while (!eng.stop && levels.cur.count > 0) {
      if (depth > maxDepth) {
        limit = { kind: "depth", message: `stopped at --max-depth ${maxDepth}` };
        left = levels.cur.count;
        break;
      }
      const cur = levels.cur;
      const n = cur.count;
      for (let i = 0; i < n; i += CHUNK) {
        const end = Math.min(n, i + CHUNK);
        for (let j = i; j < end; j++) {
          const blk = cur.blockOf(j);
          if (eng.expandOne(base + j, blk, Queue.at)) {
            left = n - j + levels.next.count;
            break outer;
          }
        }
        if (bytesNow() > memory || overCeiling() || ((seen instanceof FingerprintSet || seen instanceof IndexedSet) && seen.full)) {
          limit = memoryLimit();
          left = n - end + levels.next.count;
          break outer;
        }
        if (options.shouldStop?.()) {
          limit = { kind: "interrupted", message: "interrupted" };
          left = n - end + levels.next.count;
          if (ck) save(end); // stopped at rest: what was done so far is kept
          break outer;
        }
        if (ck?.due()) save(end);
        const now = performance.now();
        if (options.onProgress && now - lastProgress >= progressEvery) {
          lastProgress = now;
          options.onProgress({ generated: eng.generated, distinct: seen.size, depth: depth - 1, queue: n - end + levels.next.count, seconds: (now - t0) / 1000 });
        }
        if (now - lastYield >= SLICE_MS) {
          yield;
          lastYield = performance.now();
        }
      }
      base += n;
      levels.swap();
      if (levels.cur.count > 0) depth++;
    }
  } catch (err) {
    if (!(err instanceof TableFull)) throw err;
    limit = memoryLimit();
    left = levels.cur.count + levels.next.count;
  }
  if (eng.limited && !limit) limit = { kind: "states", message: `stopped at --max-states ${options.maxStates}` };

  const seconds = prior + (performance.now() - t0) / 1000;
  const distinct = seen.size;
  const trace = levels.trace;
  const path = (n: number) => pathTo(n, (k) => trace.parent(k), (k) => trace.via(k));
  const violations = eng.anchors.map((a) => anchorViolation(model, canon, a, path));
  const bits = bitstateReport(seen);
  return {
    violations,
    ...(limit ? { limit } : {}),
    stats: {
      generated: eng.generated,
      distinct,
      // `depth` counts levels, the initial state's included; the states found for the next level
      // (a search stopped inside a level) are `depth` steps deep, else the deepest are depth - 1.
      depth: levels.next.count > 0 ? depth : depth - 1,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : distinct,
      collisionProbability: collisionProbability(exact, distinct, eng.generated),
      queue: eng.stop || limit ? left : 0,
      bytes: bytesNow(),
      packedWords: packer.words,
    },
    coverage: snapshotCoverage(model),
    exact,
    storage,
    workers: 1,
    ...(canon ? { symmetry: symmetryReport(model, canon, eng.orbits) } : {}),
    ...(bits ? { bitstate: bits } : {}),
    ...(ck ? { checkpoint: ck.report() } : resumed ? { checkpoint: { written: 0, bytes: 0, seconds: 0, cpuSeconds: 0, lastCpuSeconds: 0, depth: 0, resumed } } : {}),
  };
}

export function symmetryReport(model: Model, canon: Canonicalizer, orbits: number): SymmetryReport {
  return { types: model.spec.symmetric.filter((t) => !t.broken).map((t) => t.name), group: canon.groupSize, fullStates: orbits };
}

/**
 * "bitmap": one bit per possible state; "keys": packed states of at most 64 bits under a bijective
 * mix (exact 64-bit keys); "whole": the packed states themselves (`--exact`); "fingerprints":
 * 64-bit hashes of wider states; "bitstate": Spin's supertrace.
 */
export type SeenStorage = "bitmap" | "keys" | "whole" | "fingerprints" | "bitstate";

export function storageOf(seen: SeenSet, packer: Packer): SeenStorage {
  if (seen instanceof BitstateSet) return "bitstate";
  if (seen instanceof DirectSet || seen instanceof SharedDirectSet) return "bitmap";
  if (seen instanceof ExactSet) return "whole";
  return exactFingerprints(packer.words) ? "keys" : "fingerprints";
}

export function isExact(seen: SeenSet, packer: Packer): boolean {
  if (seen instanceof BitstateSet) return false;
  return seen instanceof ExactSet || seen instanceof DirectSet || seen instanceof SharedDirectSet || (seen instanceof FingerprintSet && exactFingerprints(packer.words));
}
