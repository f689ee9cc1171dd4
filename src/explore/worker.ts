// A parallel search worker. It compiles its own Model from the checked IR (generated code cannot
// cross threads; the IR is plain data and is structured-cloned), then runs the shared engine level by level: it claims blocks of the current
// level from the shared arena, expands them, inserts successors into the shared seen-set and
// writes new states into blocks of the next level it claims. All workers meet at a barrier when
// they finish a level (level-synchronous, so counterexamples stay shortest) or when the
// fingerprint table must grow; the last to arrive does the serial work.

import { parentPort, workerData } from "node:worker_threads";
import { compileModel } from "../compile/compile.js";
import { SourceFile } from "../lang/source.js";
import { makeEngine, type LevelStore } from "./engine.js";
import { makePacker } from "./pack.js";
import {
  C,
  LIMIT_DEPTH,
  LIMIT_MEMORY,
  LIMIT_STATES,
  PHASE_CHECKPOINT,
  PHASE_CONTINUE,
  PHASE_FINISH,
  PHASE_LEVEL,
  PHASE_REHASH,
  W,
  viaArray,
  workerBase,
  type WorkerCheckpoint,
  type WorkerInput,
  type WorkerOutput,
} from "./parallel-shared.js";
import { restoreEngine } from "./checkpoint-bfs.js";
import { snapshotCoverage, type PropertyRef } from "./result.js";
import { MAX_LOAD, SharedDirectSet, SharedFingerprintSet, sharedGrownCap } from "./seen.js";
import { hasSymmetry, makeCanonicalizer } from "./symmetry.js";
import { ceilingWatch, roomFor } from "./memory.js";

const input = workerData as WorkerInput;
/** The memory ceiling, its resident-set reads rate-limited (src/explore/memory.ts). */
const overCeiling = ceilingWatch(input.memoryBytes);
const { index: me, workers, buffers: B } = input;

// The IR arrives structured-cloned; its SourceFile lost its methods on the way: rebuild it.
const spec = { ...input.spec, file: new SourceFile(input.spec.file.path, input.spec.file.text) };
const model = compileModel(spec);
model.resetCoverage();
const packer = makePacker(model.layout);
const P = packer.words;
const ctrl = new Int32Array(B.ctrl);
const nProps = model.spec.invariants.length + model.spec.steps.length;
const base = (w: number) => workerBase(nProps, w);
const mine = base(me);

const table = B.direct ? new SharedDirectSet(B.table) : new SharedFingerprintSet(B.table, Atomics.load(ctrl, C.CAP));
const parent = new Int32Array(B.parent);
const via = viaArray(B.via, B.viaBytes);
const arenas = [new Int32Array(B.arenas[0]), new Int32Array(B.arenas[1])];
const fills = [new Int32Array(B.fills[0]), new Int32Array(B.fills[1])];
const BLK = B.block;
const scratch = new Int32Array(B.scratch);

/** New states go to blocks of the next level's arena that this worker claims. */
class SharedLevels implements LevelStore {
  block = -1;
  fill = 0;
  next = 1; // arena of the next level
  nextBase = 0;
  full = false;

  add(par: number, inst: number, p: Int32Array, o: number): number {
    if (this.block < 0 || this.fill === BLK) {
      if (this.block >= 0) fills[this.next][this.block] = BLK;
      this.block = Atomics.add(ctrl, C.NEXT_BLOCKS, 1);
      this.fill = 0;
      if (this.block >= B.maxBlocks || this.nextBase + (this.block + 1) * BLK > B.maxIds) {
        // Out of reserved room: stop at the memory ceiling (this state is dropped).
        this.full = true;
        this.block = B.maxBlocks - 1;
        this.fill = 0;
        return 0;
      }
    }
    const k = this.block * BLK + this.fill++;
    const arena = arenas[this.next];
    const at = k * P;
    for (let j = 0; j < P; j++) arena[at + j] = p[o + j];
    const g = this.nextBase + k;
    parent[g] = par;
    via[g] = inst;
    return g;
  }

  /** Records the fill of the block in progress (at the end of a level). */
  close(): void {
    if (this.block >= 0 && !this.full) fills[this.next][this.block] = this.fill;
    this.block = -1;
    this.fill = 0;
  }
}

const levels = new SharedLevels();
const canon = input.symmetry && hasSymmetry(model) ? makeCanonicalizer(model) : null;
const eng = makeEngine({ model, packer, seen: table, store: levels, continueAll: input.continueAll, selection: input.selection, canon });

function propertyBit(p: PropertyRef): number {
  if (p.kind === "invariant") return p.index;
  if (p.kind === "step") return model.spec.invariants.length + p.index;
  return nProps;
}

function refOfBit(b: number): PropertyRef {
  const nInv = model.spec.invariants.length;
  if (b < nInv) return { kind: "invariant", index: b, name: model.spec.invariants[b].name };
  if (b < nProps) return { kind: "step", index: b - nInv, name: model.spec.steps[b - nInv].name };
  return { kind: "well_typed", index: -1, name: "well_typed" };
}

let published = 0;
/** Shares the properties this worker reported, and learns those the others did. */
function syncReported(): void {
  for (let k = published; k < eng.anchors.length; k++) {
    const b = propertyBit(eng.anchors[k].found.property);
    Atomics.or(ctrl, C.REPORTED + (b >>> 5), 1 << (b & 31));
  }
  published = eng.anchors.length;
  for (let b = 0; b <= nProps; b++) {
    if ((Atomics.load(ctrl, C.REPORTED + (b >>> 5)) & (1 << (b & 31))) !== 0) eng.checks.report(refOfBit(b));
  }
  if (eng.anchors.length > 0 && !input.continueAll) Atomics.store(ctrl, C.STOP, 1);
}

function publish(): void {
  Atomics.store(ctrl, mine + W.ADDED, eng.added);
  Atomics.store(ctrl, mine + W.GENERATED, eng.generated);
}

function totalAdded(): number {
  let n = 0;
  for (let w = 0; w < workers; w++) n += Atomics.load(ctrl, base(w) + W.ADDED);
  return n;
}

function stopWith(limit: number): void {
  Atomics.compareExchange(ctrl, C.LIMIT, 0, limit);
  Atomics.store(ctrl, C.STOP, 1);
}

function bytesInUse(): number {
  const table = B.direct ? B.table.byteLength : Atomics.load(ctrl, C.CAP) * 8;
  const ids = Atomics.load(ctrl, C.CUR_BASE) + (Atomics.load(ctrl, C.CUR_BLOCKS) + Atomics.load(ctrl, C.NEXT_BLOCKS)) * BLK;
  const queues = (Atomics.load(ctrl, C.CUR_BLOCKS) + Atomics.load(ctrl, C.NEXT_BLOCKS)) * BLK * P * 4;
  return table + ids * (4 + B.viaBytes) + queues;
}

/** The serial work at a barrier, done by the last worker to arrive. */
function decide(): void {
  if (Atomics.load(ctrl, C.GROW) === 1 && table instanceof SharedFingerprintSet) {
    Atomics.store(ctrl, C.GROW, 0);
    const cap = table.cap;
    const next = sharedGrownCap(cap, table.maxCap);
    // Growing touches the new part of the table and a copy of the old one.
    if (next === cap || cap * 2 > scratch.length || !roomFor(input.memoryBytes, (next - cap) * 8 + cap * 8)) stopWith(LIMIT_MEMORY);
    else {
      // Every worker re-inserts a share of the old table (PHASE_REHASH), then all meet again.
      table.beginGrow(scratch, next);
      Atomics.store(ctrl, C.OLD_CAP, cap);
      Atomics.store(ctrl, C.CAP, next);
      Atomics.store(ctrl, C.PHASE, PHASE_REHASH);
      return;
    }
  }
  let allDone = true;
  for (let w = 0; w < workers; w++) if (Atomics.load(ctrl, base(w) + W.DONE) !== 1) allDone = false;
  if (!allDone) {
    Atomics.store(ctrl, C.PHASE, PHASE_CONTINUE);
    return;
  }
  for (let w = 0; w < workers; w++) Atomics.store(ctrl, base(w) + W.DONE, 0);
  const blocks = Atomics.load(ctrl, C.NEXT_BLOCKS);
  if (Atomics.load(ctrl, C.STOP) === 1 || blocks === 0) {
    Atomics.store(ctrl, C.PHASE, PHASE_FINISH);
    return;
  }
  const first = Atomics.load(ctrl, C.CUR_BLOCKS) === 0; // moving to the initial state's level
  const arena = Atomics.load(ctrl, C.ARENA) ^ 1;
  const f = fills[arena];
  let states = 0;
  for (let b = 0; b < blocks; b++) states += f[b];
  Atomics.store(ctrl, C.CUR_BASE, Atomics.load(ctrl, C.CUR_BASE) + Atomics.load(ctrl, C.CUR_BLOCKS) * BLK);
  Atomics.store(ctrl, C.CUR_BLOCKS, blocks);
  Atomics.store(ctrl, C.CUR_STATES, states);
  Atomics.store(ctrl, C.NEXT_BLOCKS, 0);
  Atomics.store(ctrl, C.CLAIM, 0);
  Atomics.store(ctrl, C.ARENA, arena);
  const depth = first ? Atomics.load(ctrl, C.DEPTH) : Atomics.add(ctrl, C.DEPTH, 1) + 1;
  if (depth > input.maxDepth) {
    stopWith(LIMIT_DEPTH);
    Atomics.store(ctrl, C.PHASE, PHASE_FINISH);
    return;
  }
  // The level is set up and every worker is at rest: the moment for a checkpoint, if one is asked.
  Atomics.store(ctrl, C.PHASE, Atomics.exchange(ctrl, C.CKPT, 0) === 1 ? PHASE_CHECKPOINT : PHASE_LEVEL);
}

/** Sends this worker's part of a checkpoint, and waits until the main thread has written it. */
function pauseForCheckpoint(): void {
  const gen = Atomics.load(ctrl, C.CKPT_GEN);
  const part: WorkerCheckpoint = {
    kind: "checkpoint",
    generated: eng.generated,
    added: eng.added,
    orbits: eng.orbits,
    anchors: eng.anchors.map((a) => ({ found: a.found, state: a.state, inst: a.inst })),
    coverage: snapshotCoverage(model),
  };
  parentPort!.postMessage(part);
  while (Atomics.load(ctrl, C.CKPT_GEN) === gen) Atomics.wait(ctrl, C.CKPT_GEN, gen);
}

function barrier(): void {
  const gen = Atomics.load(ctrl, C.GEN);
  if (Atomics.add(ctrl, C.ARRIVED, 1) === workers - 1) {
    decide();
    Atomics.store(ctrl, C.ARRIVED, 0);
    Atomics.add(ctrl, C.GEN, 1);
    Atomics.notify(ctrl, C.GEN);
  } else {
    while (Atomics.load(ctrl, C.GEN) === gen) Atomics.wait(ctrl, C.GEN, gen);
  }
}

/** Waits until every worker has compiled the spec; the last one starts the search's clock. */
function ready(): void {
  if (Atomics.add(ctrl, C.READY, 1) === workers - 1) {
    new Float64Array(B.clock)[0] = performance.timeOrigin + performance.now();
    Atomics.notify(ctrl, C.READY);
    return;
  }
  for (;;) {
    const n = Atomics.load(ctrl, C.READY);
    if (n >= workers) return;
    Atomics.wait(ctrl, C.READY, n);
  }
}

function run(): void {
  ready();
  if (input.resumed) {
    // The main thread put the checkpoint's search into the shared buffers; worker 0 takes its counts.
    if (me === 0 && input.resume) restoreEngine(input.resume, eng, model);
    published = eng.anchors.length;
    publish();
  } else {
    if (me === 0) eng.addInitial();
    levels.close();
    publish();
    syncReported();
    Atomics.store(ctrl, mine + W.DONE, 1);
    barrier();
  }
  let curArena = 0;
  let curBase = 0;
  let left = 0;
  for (;;) {
    const phase = Atomics.load(ctrl, C.PHASE);
    if (table instanceof SharedFingerprintSet) table.cap = Atomics.load(ctrl, C.CAP);
    if (phase === PHASE_REHASH && table instanceof SharedFingerprintSet) {
      const old = Atomics.load(ctrl, C.OLD_CAP);
      table.rehashFrom(scratch, Math.floor((old * me) / workers), Math.floor((old * (me + 1)) / workers));
      barrier();
      continue;
    }
    syncReported();
    if (phase === PHASE_FINISH) break;
    if (phase === PHASE_CHECKPOINT) pauseForCheckpoint();
    if (phase === PHASE_LEVEL || phase === PHASE_CHECKPOINT) {
      curArena = Atomics.load(ctrl, C.ARENA);
      curBase = Atomics.load(ctrl, C.CUR_BASE);
      levels.next = curArena ^ 1;
      levels.nextBase = curBase + Atomics.load(ctrl, C.CUR_BLOCKS) * BLK;
    }
    const curBlocks = Atomics.load(ctrl, C.CUR_BLOCKS);
    const arena = arenas[curArena];
    const fill = fills[curArena];
    let done = Atomics.load(ctrl, mine + W.DONE) === 1;
    while (!done) {
      if (Atomics.load(ctrl, C.STOP) === 1 || Atomics.load(ctrl, C.GROW) === 1) break;
      const b = Atomics.add(ctrl, C.CLAIM, 1);
      if (b >= curBlocks) {
        done = true;
        break;
      }
      const n = fill[b];
      for (let j = 0; j < n; j++) {
        const k = b * BLK + j;
        if (eng.expandOne(curBase + k, arena, k * P)) {
          left += n - j;
          break;
        }
      }
      publish();
      if (eng.stop) syncReported();
      if (levels.full) stopWith(LIMIT_MEMORY);
      const total = totalAdded();
      if (total >= input.maxStates) stopWith(LIMIT_STATES);
      if (table instanceof SharedFingerprintSet && total > table.cap * (MAX_LOAD - 0.1)) Atomics.store(ctrl, C.GROW, 1);
      if (bytesInUse() > input.memoryBytes || overCeiling()) stopWith(LIMIT_MEMORY);
    }
    if (done || Atomics.load(ctrl, C.STOP) === 1) {
      if (!done) {
        // Stopping: count what is left of this level for the report.
        for (;;) {
          const b = Atomics.add(ctrl, C.CLAIM, 1);
          if (b >= curBlocks) break;
          left += fill[b];
        }
      }
      levels.close();
      Atomics.store(ctrl, mine + W.DONE, 1);
    }
    Atomics.store(ctrl, mine + W.LEFT, left);
    barrier();
  }
  const out: WorkerOutput = {
    kind: "done",
    anchors: eng.anchors.map((a) => ({ found: a.found, state: a.state, inst: a.inst })),
    coverage: snapshotCoverage(model),
    generated: eng.generated,
    added: eng.added,
    orbits: eng.orbits,
  };
  parentPort!.postMessage(out);
}

run();
