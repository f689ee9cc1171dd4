// The inner loop of breadth-first search, shared by the single-threaded search and every parallel
// worker: expand states of the current level, pack (and canonicalise) each successor, look it up
// in the seen-set, queue and number the new ones, check properties. Allocation-free per state.
//
// States are numbered per worker in discovery order (local numbers); the global number of local
// state n of worker w among W workers is n * W + w. Violations are recorded as anchors (a state's
// number, or a state's number and the instance taken from it) and turned into paths by the driver.

import type { Model } from "../model/model.js";
import { PropertyChecks, type Found } from "./checks.js";
import { FP, fingerprint } from "./hash.js";
import type { Packer } from "./pack.js";
import type { PropertySelection } from "./result.js";
import { DirectSet, SharedDirectSet, type SeenSet } from "./seen.js";
import { Queue, TraceStore } from "./store.js";
import type { Canonicalizer } from "./symmetry.js";

/** Where a violation shows: after reaching state `state`, or after taking `inst` from `state`. */
export interface Anchor {
  readonly found: Found;
  readonly state: number;
  /** -1: the violation is in state `state` itself (an invariant). */
  readonly inst: number;
}

export interface EngineConfig {
  readonly model: Model;
  readonly packer: Packer;
  readonly seen: SeenSet;
  readonly worker: number;
  readonly workers: number;
  readonly continueAll: boolean;
  readonly selection: PropertySelection;
  readonly canon: Canonicalizer | null;
}

export interface Engine {
  readonly checks: PropertyChecks;
  readonly trace: TraceStore;
  readonly anchors: Anchor[];
  /** Current level (being expanded) and next level (being filled). */
  cur: Queue;
  next: Queue;
  /** Local number of cur's first state. */
  curBase: number;
  generated: number;
  /** Sum of the orbit sizes of the states found (the unreduced count), under symmetry. */
  orbits: number;
  /** Set when the search must stop (a violation without --continue, or every property reported). */
  stop: boolean;
  /** Stop (with stop = true and limited = true) once this many states were found locally. */
  maxLocal: number;
  limited: boolean;
  /** Adds the initial state (worker 0 only); checks its invariants. */
  addInitial(): void;
  /** Expands cur's states [from, to); returns true when the search must stop. */
  expand(from: number, to: number): boolean;
  /** Moves to the next level. */
  swap(): void;
  /** Bytes held by the trace and the level queues (not the seen-set). */
  bytes(): number;
}

export function makeEngine(cfg: EngineConfig): Engine {
  const { model, packer, seen, worker, workers, continueAll, canon } = cfg;
  const width = model.width;
  const P = packer.words;
  const pack = packer.pack;
  const unpack = packer.unpack;
  const checks = new PropertyChecks(model, cfg.selection);
  const hasSteps = checks.hasSteps;
  const trace = new TraceStore(model.instanceCount);
  const spare: Int32Array[] = [];
  const s = new Int32Array(width);
  const d = new Int32Array(width);
  const cbuf = new Int32Array(width);
  const pk = new Int32Array(Math.max(2, P));
  const found: Found[] = [];
  const anchors: Anchor[] = [];
  const group = canon ? canon.groupSize : 1;
  let curId = 0;

  const e: Engine = {
    checks,
    trace,
    anchors,
    cur: new Queue(P, spare),
    next: new Queue(P, spare),
    curBase: 0,
    generated: 0,
    orbits: 0,
    stop: false,
    maxLocal: Infinity,
    limited: false,
    addInitial,
    expand,
    swap,
    bytes,
  };

  const record = (f: Found, state: number, inst: number): void => {
    if (!checks.report(f.property)) return;
    anchors.push({ found: f, state, inst });
    if (!continueAll || checks.allReported()) e.stop = true;
  };

  function addInitial(): void {
    model.init(s);
    let st = s;
    if (canon) {
      canon.canonicalize(s, cbuf);
      st = cbuf;
    }
    pack(st, pk, 0);
    seen.add(pk, 0, fingerprint(pk, 0, P), FP.h2);
    trace.push(-1, 0);
    e.next.push(pk, 0);
    e.generated++;
    if (canon) e.orbits += group / canon.stabilizer;
    checks.invariants(st, continueAll, found);
    for (const f of found) record(f, worker, -1);
    found.length = 0;
  }

  // Successors of the state being expanded are batched: their table slots are touched first, in a
  // loop of independent loads the CPU overlaps, before the inserts that depend on them.
  const batch = new Int32Array(Math.max(1, model.instanceCount) * Math.max(1, P));
  const bh1 = new Int32Array(Math.max(1, model.instanceCount));
  const bh2 = new Int32Array(Math.max(1, model.instanceCount));
  const binst = new Int32Array(Math.max(1, model.instanceCount));
  const bstab = new Float64Array(canon ? Math.max(1, model.instanceCount) : 1);
  let cnt = 0;
  let sink = 0;
  // A direct bitmap is indexed by the packed state itself.
  const hashed = !(seen instanceof DirectSet || seen instanceof SharedDirectSet);

  const emit = (inst: number): boolean => {
    e.generated++;
    if (hasSteps) {
      checks.steps(s, d, inst, continueAll, found);
      if (found.length > 0) {
        for (const f of found) record(f, curId, inst);
        found.length = 0;
        if (e.stop) return true;
      }
    }
    let st = d;
    if (canon !== null) {
      canon.canonicalize(d, cbuf);
      st = cbuf;
      bstab[cnt] = canon.stabilizer;
    }
    const o = cnt * P;
    pack(st, batch, o);
    if (hashed) {
      bh1[cnt] = fingerprint(batch, o, P);
      bh2[cnt] = FP.h2;
    }
    binst[cnt] = inst;
    cnt++;
    return false;
  };

  /** Inserts the batched successors; new ones are queued, numbered and checked. */
  function flush(): boolean {
    const k = cnt;
    cnt = 0;
    if (hashed) {
      let acc = 0;
      for (let j = 0; j < k; j++) acc += seen.touch(bh1[j]);
      sink = acc;
    }
    for (let j = 0; j < k; j++) {
      const o = j * P;
      if (!seen.add(batch, o, bh1[j], bh2[j])) continue;
      const n = trace.length;
      trace.push(curId, binst[j]);
      e.next.push(batch, o);
      if (canon !== null) e.orbits += group / bstab[j];
      unpack(batch, o, cbuf);
      checks.invariants(cbuf, continueAll, found);
      if (found.length > 0) {
        for (const f of found) record(f, n * workers + worker, -1);
        found.length = 0;
        if (e.stop) return true;
      }
      if (n + 1 >= e.maxLocal) {
        e.limited = true;
        e.stop = true;
        return true;
      }
    }
    return false;
  }

  const onFail = (inst: number): boolean => {
    e.generated++;
    const f = model.failure;
    record({ property: { kind: "well_typed", index: -1, name: "well_typed" }, failure: { site: f.site, detail: f.detail } }, curId, inst);
    return e.stop;
  };

  function expand(from: number, to: number): boolean {
    const cur = e.cur;
    const base = e.curBase;
    for (let i = from; i < to; i++) {
      const blk = cur.blockOf(i);
      unpack(blk, Queue.at, s);
      curId = (base + i) * workers + worker;
      if (model.expand(s, d, emit, onFail) || e.stop) {
        cnt = 0;
        return true;
      }
      if (flush()) return true;
    }
    return false;
  }

  function swap(): void {
    void sink;
    e.curBase += e.cur.count;
    const t = e.cur;
    t.clear();
    e.cur = e.next;
    e.next = t;
  }

  function bytes(): number {
    return trace.bytes() + e.cur.bytes() + e.next.bytes() + spare.length * (spare[0]?.byteLength ?? 0);
  }

  return e;
}
