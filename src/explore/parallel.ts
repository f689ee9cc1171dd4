// Parallel exhaustive search on worker_threads (`--workers N`). The main thread reserves the shared
// buffers, starts the workers (src/explore/worker.ts), relays progress and interruption, and at the
// end merges what they report: counts, coverage, and violations, whose paths it rebuilds from the
// shared trace. The search is level-synchronous, so a counterexample is as short as with one
// worker (possibly a different one of the same length); the counts of a complete search are the
// same as with one worker.

import os from "node:os";
import { Worker } from "node:worker_threads";
import type { Model } from "../model/model.js";
import {
  anchorViolation,
  bfsAsync,
  canonicalizerFor,
  collisionProbability,
  defaultMemoryBytes,
  gib,
  pathTo,
  symmetryReport,
  type BfsOptions,
  type BfsResult,
} from "./bfs.js";
import { exactFingerprints } from "./hash.js";
import { measureOthersAsync, workersFor } from "./machine-load.js";
import { makePacker } from "./pack.js";
import {
  C,
  LIMIT_DEPTH,
  LIMIT_INTERRUPTED,
  LIMIT_MEMORY,
  LIMIT_STATES,
  W,
  ctrlWords,
  viaArray,
  workerBase,
  type SharedBuffers,
  type WorkerCheckpoint,
  type WorkerInput,
  type WorkerOutput,
} from "./parallel-shared.js";
import type { EngineState } from "./checkpoint.js";
import { captureParallel, restoreParallel } from "./checkpoint-parallel.js";
import { CheckpointWriter } from "./checkpoint-writer.js";
import { selectAll, type CoverageSnapshot, type Violation } from "./result.js";
import { DIRECT_MAX_BITS, DirectSet } from "./seen.js";

export interface ParallelOptions extends BfsOptions {
  /** Worker threads (default: the number of cores). 1 runs the single-threaded search. */
  readonly workers?: number | "auto";
}

export function defaultWorkers(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** Why a parallel request runs on one thread, or null when it can run in parallel. */
export function singleThreadReason(model: Model, options: ParallelOptions): string | null {
  if (options.bitstate !== undefined) return "--bitstate runs on one worker";
  if (options.exact && !exactFingerprints(makePacker(model.layout).words)) return "--exact with states wider than 64 bits runs on one worker";
  return null;
}

// The shared table starts at 8 MiB and doubles: its growth is serial work at a barrier, and
// `bfsAuto` only starts workers for spaces of more than PROBE_STATES states anyway.
const MIN_CAP = 1 << 20;

function reserve(model: Model, memory: number, instanceCount: number): SharedBuffers {
  const packer = makePacker(model.layout);
  const P = packer.words;
  const direct = packer.bits <= DIRECT_MAX_BITS;
  const maxCap = Math.max(MIN_CAP, Math.min(2 ** 30, Math.floor((memory * 0.5) / 8)));
  // The table doubles from MIN_CAP and ends at maxCap: the scratch copy holds the largest table
  // grown from, the largest MIN_CAP * 2^k below maxCap (maxCap itself need not be one).
  let scratchCap = MIN_CAP;
  while (scratchCap * 2 < maxCap) scratchCap *= 2;
  const table = direct ? DirectSet.sharedBuffer(packer.bits) : new SharedArrayBuffer(maxCap * 8);
  const viaBytes: 1 | 2 | 4 = instanceCount < 255 ? 1 : instanceCount < 65535 ? 2 : 4;
  const maxIds = Math.max(1 << 16, Math.min(2 ** 31 - 1, Math.floor((memory * 0.3) / (4 + viaBytes))));
  // Blocks small enough that one block's inserts cannot overfill the table between checks.
  const block = direct ? 256 : Math.max(1, Math.min(256, Math.floor((0.02 * MIN_CAP) / Math.max(1, instanceCount))));
  const arenaStates = Math.max(block * 64, Math.min(2 ** 31 / P - 1, Math.floor((memory * 0.1) / (P * 4))));
  const maxBlocks = Math.floor(arenaStates / block);
  return {
    ctrl: new SharedArrayBuffer(ctrlWords(model.spec.invariants.length + model.spec.steps.length, 64) * 4),
    clock: new SharedArrayBuffer(8),
    table,
    direct,
    maxCap,
    scratch: new SharedArrayBuffer(direct ? 8 : scratchCap * 8),
    parent: new SharedArrayBuffer(maxIds * 4),
    via: new SharedArrayBuffer(maxIds * viaBytes),
    viaBytes,
    maxIds,
    arenas: [new SharedArrayBuffer(maxBlocks * block * P * 4), new SharedArrayBuffer(maxBlocks * block * P * 4)],
    fills: [new SharedArrayBuffer(maxBlocks * 4), new SharedArrayBuffer(maxBlocks * 4)],
    maxBlocks,
    block,
  };
}

/** The shared buffers, reserved for `memory` bytes, or for less where the system refuses that much
 * address space (a ulimit -v, a strict overcommit policy): the ceiling then comes earlier. */
function reserveWithin(model: Model, memory: number): SharedBuffers {
  for (let m = memory; ; m = Math.floor(m / 2)) {
    try {
      return reserve(model, m, model.instanceCount);
    } catch (err) {
      if (!(err instanceof RangeError) || m < 2 ** 26) throw err;
    }
  }
}

/** Starts a worker on worker.js; under tsx or vitest (this module is TypeScript source), on
 * worker.ts through tsx's loader, registered inside the worker before it imports the source. */
function startWorker(workerData: WorkerInput): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), { workerData });
  const source = new URL("./worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

function sumCoverage(parts: readonly WorkerOutput["coverage"][]): CoverageSnapshot {
  const add = (k: keyof CoverageSnapshot) => parts[0][k].map((_, i) => parts.reduce((n, p) => n + p[k][i], 0));
  return { fired: add("fired"), disabled: add("disabled"), requireHeld: add("requireHeld"), requireFailed: add("requireFailed") };
}

/** States already found for the level after the one being expanded (when a search stops). */
function nextLevelStates(buffers: SharedBuffers, ctrl: Int32Array): number {
  const fills = new Int32Array(buffers.fills[Atomics.load(ctrl, C.ARENA) ^ 1]);
  let n = 0;
  for (let b = 0; b < Atomics.load(ctrl, C.NEXT_BLOCKS) && b < fills.length; b++) n += fills[b];
  return n;
}

/**
 * The violations one worker would report. Workers race within a level, so which of several
 * shortest counterexamples (and, without --continue, which of several properties violated in the
 * same level) a parallel search reports depends on timing; a saved counterexample must not. The
 * single-threaded search reports, per property, the lexicographically least shortest path (states
 * of a level are expanded in the order of their own least paths), so the violations are found
 * again by a single-threaded search down to the deepest one: no deeper than the parallel search
 * went, and, without --continue, it stops at its first violation. If that search stops for
 * another reason (memory, interrupt), the parallel search's violations stand.
 */
async function singleThreadAgain(model: Model, options: ParallelOptions, found: readonly Violation[]): Promise<BfsResult | null> {
  const deepest = Math.max(...found.map((v) => v.instances.length));
  // A fresh search from the initial state: it neither resumes a checkpoint nor writes one.
  const { onProgress: _progress, maxStates: _states, workers: _workers, resume: _resume, checkpoint: _checkpoint, ...rest } = options;
  const again = await bfsAsync(model, { ...rest, maxDepth: Math.min(deepest, options.maxDepth ?? Infinity) });
  if (again.limit && again.limit.kind !== "depth") return null;
  if (again.violations.length === 0) return null;
  return again;
}

/** Exhaustive search on `options.workers` threads (falls back to `bfs` for one). */
export async function bfsParallel(model: Model, options: ParallelOptions = {}): Promise<BfsResult> {
  const asked = options.workers === undefined || options.workers === "auto" ? defaultWorkers() : options.workers;
  const workers = Math.max(1, Math.min(64, Math.floor(asked)));
  // A parallel search's checkpoint resumes on worker threads, one if asked.
  if (!options.resume && (workers === 1 || singleThreadReason(model, options) !== null)) return bfsAsync(model, options);
  const t0 = performance.now();
  const memory = options.memoryBytes ?? defaultMemoryBytes();
  const buffers = reserveWithin(model, memory);
  const nProps = model.spec.invariants.length + model.spec.steps.length;
  const ctrl = new Int32Array(buffers.ctrl);
  const P = makePacker(model.layout).words;
  let resumeState: EngineState | undefined;
  if (options.resume) {
    resumeState = restoreParallel(options.resume, buffers, ctrl, P);
  } else {
    Atomics.store(ctrl, C.CAP, buffers.direct ? 0 : MIN_CAP);
    Atomics.store(ctrl, C.DEPTH, 1);
  }
  const prior = resumeState?.seconds ?? 0;
  const resumed = options.resume && resumeState ? { file: options.resume.file, mode: "parallel" as const, depth: resumeState.depth, distinct: resumeState.added, seconds: prior } : undefined;
  const ck = options.checkpoint ? new CheckpointWriter(options.checkpoint, resumed) : null;
  // Workers' parts of the checkpoint being taken; written once all have sent theirs.
  let parts: WorkerCheckpoint[] = [];
  const onPart = (part: WorkerCheckpoint) => {
    parts.push(part);
    if (parts.length < workers) return;
    try {
      const started = new Float64Array(buffers.clock)[0] || performance.timeOrigin + t0;
      const c = captureParallel(buffers, ctrl, P, nProps, parts, prior + (performance.timeOrigin + performance.now() - started) / 1000);
      ck!.write(c.header, c.sections);
    } finally {
      // The workers wait for this, whatever happened.
      parts = [];
      Atomics.add(ctrl, C.CKPT_GEN, 1);
      Atomics.notify(ctrl, C.CKPT_GEN);
    }
  };
  const selection = options.properties ?? selectAll(model);
  const sum = (field: number) => {
    let n = 0;
    for (let w = 0; w < workers; w++) n += Atomics.load(ctrl, workerBase(nProps, w) + field);
    return n;
  };

  const threads: Worker[] = [];
  const outputs: Promise<WorkerOutput>[] = [];
  for (let i = 0; i < workers; i++) {
    const input: WorkerInput = {
      index: i,
      workers,
      spec: model.spec,
      selection,
      continueAll: options.continueAfterViolation ?? false,
      symmetry: options.symmetry !== false,
      maxStates: options.maxStates ?? Infinity,
      maxDepth: options.maxDepth ?? Infinity,
      memoryBytes: memory,
      buffers,
      resumed: resumeState !== undefined,
      ...(i === 0 && resumeState ? { resume: resumeState } : {}),
    };
    const t = startWorker(input);
    threads.push(t);
    outputs.push(
      new Promise<WorkerOutput>((resolve, reject) => {
        t.on("message", (m: WorkerOutput | WorkerCheckpoint) => (m.kind === "checkpoint" ? onPart(m) : resolve(m)));
        t.once("error", reject);
        t.once("exit", (code) => reject(new Error(`search worker ${i} exited with code ${code}`)));
      }),
    );
  }

  let lastProgress = t0;
  const timer = setInterval(() => {
    if (ck?.due()) Atomics.store(ctrl, C.CKPT, 1);
    if (options.shouldStop?.()) {
      Atomics.compareExchange(ctrl, C.LIMIT, 0, LIMIT_INTERRUPTED);
      Atomics.store(ctrl, C.STOP, 1);
    }
    const now = performance.now();
    if (options.onProgress && now - lastProgress >= (options.progressEveryMs ?? 1000)) {
      lastProgress = now;
      options.onProgress({
        generated: sum(W.GENERATED),
        distinct: sum(W.ADDED),
        depth: Atomics.load(ctrl, C.DEPTH) - 1,
        queue: Atomics.load(ctrl, C.CUR_STATES),
        seconds: (now - t0) / 1000,
      });
    }
  }, 50);

  let results: WorkerOutput[];
  try {
    results = await Promise.all(outputs);
  } finally {
    clearInterval(timer);
    await Promise.all(threads.map((t) => t.terminate()));
  }

  // The search's time, from the moment every worker had compiled the spec (as bfs's excludes
  // loading and compiling); the workers' start-up is reported apart.
  const end = performance.timeOrigin + performance.now();
  const started = new Float64Array(buffers.clock)[0] || performance.timeOrigin + t0;
  const seconds = prior + (end - started) / 1000;
  const startSeconds = (started - (performance.timeOrigin + t0)) / 1000;
  const distinct = results.reduce((n, r) => n + r.added, 0);
  const generated = results.reduce((n, r) => n + r.generated, 0);
  const parent = new Int32Array(buffers.parent);
  const via = viaArray(buffers.via, buffers.viaBytes);
  const canon = canonicalizerFor(model, options);
  const path = (n: number) => pathTo(n, (k) => parent[k], (k) => via[k]);
  // Several workers may report the same property in the same level: keep one shortest each.
  const best = new Map<string, Violation>();
  for (const r of results) {
    for (const a of r.anchors) {
      const v = anchorViolation(model, canon, a, path);
      const key = `${v.property.kind}:${v.property.index}`;
      const prev = best.get(key);
      if (!prev || v.instances.length < prev.instances.length) best.set(key, v);
    }
  }
  const found = [...best.values()].sort((a, b) => a.instances.length - b.instances.length);
  const again = found.length ? await singleThreadAgain(model, options, found) : null;
  const violations = again ? again.violations : found;
  const limitKind = Atomics.load(ctrl, C.LIMIT);
  const limit =
    limitKind === LIMIT_STATES ? { kind: "states" as const, message: `stopped at --max-states ${options.maxStates}` }
    : limitKind === LIMIT_DEPTH ? { kind: "depth" as const, message: `stopped at --max-depth ${options.maxDepth}` }
    : limitKind === LIMIT_MEMORY ? { kind: "memory" as const, message: `stopped at the memory ceiling of ${gib(memory)} (use --memory to raise it)` }
    : limitKind === LIMIT_INTERRUPTED ? { kind: "interrupted" as const, message: "interrupted" }
    : undefined;
  const stopped = limit !== undefined || Atomics.load(ctrl, C.STOP) === 1;
  const levelStates = (Atomics.load(ctrl, C.CUR_BLOCKS) + Atomics.load(ctrl, C.NEXT_BLOCKS)) * buffers.block;
  const bytes =
    (buffers.direct ? buffers.table.byteLength : Atomics.load(ctrl, C.CAP) * 8) +
    (Atomics.load(ctrl, C.CUR_BASE) + levelStates) * (4 + buffers.viaBytes) +
    levelStates * P * 4;
  // Workers share the single-threaded search's fingerprints: bijective up to two packed words.
  const exact = buffers.direct || exactFingerprints(P);
  const storage = buffers.direct ? ("bitmap" as const) : exactFingerprints(P) ? ("keys" as const) : ("fingerprints" as const);
  const result: BfsResult = {
    violations,
    ...(limit ? { limit } : {}),
    stats: {
      generated,
      distinct,
      // Levels, the initial one included; states found for the next level (a search stopped inside
      // a level) are DEPTH steps deep, else the deepest are DEPTH - 1.
      depth: limitKind !== LIMIT_DEPTH && stopped && nextLevelStates(buffers, ctrl) > 0 ? Atomics.load(ctrl, C.DEPTH) : Atomics.load(ctrl, C.DEPTH) - 1,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : distinct,
      collisionProbability: collisionProbability(exact, distinct, generated),
      // Stopped at --max-depth: the whole level that was not expanded; otherwise what the
      // workers left of the level they stopped in.
      queue: limitKind === LIMIT_DEPTH ? Atomics.load(ctrl, C.CUR_STATES) : stopped ? sum(W.LEFT) + nextLevelStates(buffers, ctrl) : 0,
      bytes,
      packedWords: P,
      startSeconds,
    },
    coverage: sumCoverage(results.map((r) => r.coverage)),
    exact,
    storage,
    workers,
    ...(canon ? { symmetry: symmetryReport(model, canon, results.reduce((n, r) => n + r.orbits, 0)) } : {}),
    ...(ck ? { checkpoint: ck.report() } : resumed ? { checkpoint: { written: 0, bytes: 0, seconds: 0, cpuSeconds: 0, lastCpuSeconds: 0, depth: 0, resumed } } : {}),
  };
  // A search that stopped at its first violation: how far the workers got before they heard of
  // it depends on timing, so report the figures of the single-threaded search that found it again
  // (which stopped at the same violation): the same counts whatever the worker count.
  if (again && !again.limit && limit === undefined && !options.continueAfterViolation) {
    return {
      ...result,
      stats: { ...result.stats, distinct: again.stats.distinct, generated: again.stats.generated, depth: again.stats.depth, queue: again.stats.queue, collisionProbability: again.stats.collisionProbability },
      coverage: again.coverage,
      ...(again.symmetry ? { symmetry: again.symmetry } : {}),
    };
  }
  return result;
}

/** `--workers`: a count, or "auto". */
export type Workers = number | "auto";

/** States the "auto" mode explores on one thread before it starts workers. */
export const PROBE_STATES = 100_000;

/**
 * The search `stakecheck check` runs. With workers = "auto" a small space is searched on the main
 * thread (starting workers costs more than searching it); a search that reaches PROBE_STATES
 * states starts over on every core.
 */
export async function bfsAuto(model: Model, options: ParallelOptions = {}): Promise<BfsResult> {
  const w = options.workers ?? "auto";
  // A resumed search runs as the one that wrote the checkpoint did: on one thread, or on workers.
  if (options.resume) return options.resume.header.mode === "single" ? bfsAsync(model, options) : bfsParallel(model, { ...options, workers: w === "auto" ? defaultWorkers() : w });
  if (w !== "auto") return bfsParallel(model, { ...options, workers: w });
  const cores = defaultWorkers();
  if (cores <= 1 || singleThreadReason(model, options) !== null) return bfsAsync(model, options);
  const user = options.maxStates ?? Infinity;
  // The probe writes no checkpoint: it is short, and a search it cannot finish starts over on workers.
  // While it runs, the cores other processes use are measured: on a machine they keep busy, workers
  // would only take turns with them, and one thread is faster.
  const { value: probe, othersCores } = await measureOthersAsync(() => bfsAsync(model, { ...options, maxStates: Math.min(user, PROBE_STATES), checkpoint: undefined }));
  if (probe.limit?.kind !== "states" || user <= PROBE_STATES) return probe;
  const workers = workersFor(cores, othersCores);
  const why = { cores, othersCores: othersCores ?? -1 };
  const result = workers > 1 ? await bfsParallel(model, { ...options, workers }) : await bfsAsync(model, options);
  return { ...result, auto: why };
}
