// The inner loop of breadth-first search, shared by the single-threaded search and every parallel
// worker: expand states of the current level, pack (and canonicalise) each successor, look it up
// in the seen-set, queue and number the new ones, check properties. Allocation-free per state.
//
// New states go to a LevelStore, which numbers them: in discovery order for one thread, by their
// position in the shared level arena for parallel workers. Violations are recorded as anchors (a
// state's number, or a state's number and the instance taken from it) and turned into paths by
// the driver, which owns the parent/instance trace.

import type { Model } from "../model/model.js";
import { PropertyChecks, type Found } from "./checks.js";
import { FP, fingerprint } from "./hash.js";
import type { Packer } from "./pack.js";
import type { PropertySelection } from "./result.js";
import { DirectSet, SharedDirectSet, type SeenSet } from "./seen.js";
import type { Canonicalizer } from "./symmetry.js";

/** Where a violation shows: after reaching state `state`, or after taking `inst` from `state`. */
export interface Anchor {
  readonly found: Found;
  readonly state: number;
  /** -1: the violation is in state `state` itself (an invariant). */
  readonly inst: number;
}

/** Where new states go: queued for the next level, with their parent and instance recorded. */
export interface LevelStore {
  /** Queues the packed state at `p[o ..]`, found from state `parent` by `inst`; returns its number. */
  add(parent: number, inst: number, p: Int32Array, o: number): number;
}

/** A liveness search's view of the graph (src/explore/liveness/graph.ts): every state's number and
 * every edge, numbered by a seen-set that knows numbers (IndexedSet). Single thread, no symmetry. */
export interface GraphHooks {
  /** The successors of state `id` follow. */
  begin(id: number): void;
  /** A successor by `inst` of the state begun: the state the seen-set added or found last. */
  edge(inst: number): void;
  /** Every successor of state `id` was seen. */
  end(id: number): void;
  /** A new state `id`, unpacked in `s`; pushes a Found when evaluating a property fails. */
  label(id: number, s: Int32Array, out: Found[]): void;
}

export interface EngineConfig {
  readonly model: Model;
  readonly packer: Packer;
  readonly seen: SeenSet;
  readonly store: LevelStore;
  readonly continueAll: boolean;
  readonly selection: PropertySelection;
  readonly canon: Canonicalizer | null;
  readonly graph?: GraphHooks | null;
}

export interface Engine {
  readonly checks: PropertyChecks;
  readonly anchors: Anchor[];
  generated: number;
  /** New states this engine added. */
  added: number;
  /** Sum of the orbit sizes of the states found (the unreduced count), under symmetry. */
  orbits: number;
  /** Set when the search must stop (a violation without --continue, or every property reported). */
  stop: boolean;
  /** Stop (with stop = true and limited = true) once the seen-set holds this many states. */
  maxStates: number;
  limited: boolean;
  /** Adds the initial state; checks its invariants. */
  addInitial(): void;
  /** Expands state number `id`, packed at `buf[at ..]`; returns true when the search must stop. */
  expandOne(id: number, buf: Int32Array, at: number): boolean;
}

export function makeEngine(cfg: EngineConfig): Engine {
  const { model, packer, seen, store, continueAll, canon } = cfg;
  const graph = cfg.graph ?? null;
  const width = model.width;
  const P = packer.words;
  const pack = packer.pack;
  const unpack = packer.unpack;
  const checks = new PropertyChecks(model, cfg.selection);
  const hasSteps = checks.hasSteps;
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
    anchors,
    generated: 0,
    added: 0,
    orbits: 0,
    stop: false,
    maxStates: Infinity,
    limited: false,
    addInitial,
    expandOne,
  };

  const record = (f: Found, state: number, inst: number): void => {
    if (!checks.report(f.property)) return;
    anchors.push({ found: f, state, inst });
    // With --continue the whole space is explored (as TLC's -continue), so counts stay comparable.
    if (!continueAll) e.stop = true;
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
    const id = store.add(-1, 0, pk, 0);
    e.added++;
    e.generated++;
    if (canon) e.orbits += group / canon.stabilizer;
    checks.invariants(st, continueAll, found);
    if (graph !== null) graph.label(id, st, found);
    for (const f of found) record(f, id, -1);
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
        // Successors batched before this one come first, as in a one-at-a-time search (flush
        // uses `found` for their invariants: set this step's findings aside meanwhile).
        const mine = found.splice(0);
        if (cnt > 0 && flush()) {
          e.generated--; // stopped before this successor, one at a time
          return true;
        }
        for (const f of mine) record(f, curId, inst);
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
      if (!seen.add(batch, o, bh1[j], bh2[j])) {
        if (graph !== null) graph.edge(binst[j]);
        continue;
      }
      const n = store.add(curId, binst[j], batch, o);
      e.added++;
      if (canon !== null) e.orbits += group / bstab[j];
      unpack(batch, o, cbuf);
      checks.invariants(cbuf, continueAll, found);
      if (graph !== null) {
        graph.edge(binst[j]);
        graph.label(n, cbuf, found);
      }
      if (found.length > 0) {
        for (const f of found) record(f, n, -1);
        found.length = 0;
        if (e.stop) {
          e.generated -= k - 1 - j; // a one-at-a-time search would not have generated the rest
          return true;
        }
      }
      if (seen.size >= e.maxStates) {
        e.limited = true;
        e.stop = true;
        e.generated -= k - 1 - j;
        return true;
      }
    }
    return false;
  }

  const onFail = (inst: number): boolean => {
    e.generated++;
    const f = model.failure;
    if (cnt > 0) {
      const failure = { site: f.site, detail: f.detail };
      if (flush()) {
        e.generated--;
        return true;
      }
      record({ property: { kind: "well_typed", index: -1, name: "well_typed" }, failure }, curId, inst);
      return e.stop;
    }
    record({ property: { kind: "well_typed", index: -1, name: "well_typed" }, failure: { site: f.site, detail: f.detail } }, curId, inst);
    return e.stop;
  };

  function expandOne(id: number, buf: Int32Array, at: number): boolean {
    unpack(buf, at, s);
    curId = id;
    if (graph !== null) graph.begin(id);
    if (model.expand(s, d, emit, onFail) || e.stop) {
      cnt = 0;
      return true;
    }
    if (flush()) return true;
    if (graph !== null) graph.end(id);
    return false;
  }

  void sink;
  return e;
}
