// The monitor's step: from the set of candidate states and one bound event to the next set. For
// every candidate and every action instance the event allows (one when it names every choice),
// the compiled model's flat `apply`, then the event's observations, then every invariant and step
// property. A successor that matches and violates nothing is kept (deduplicated); the first
// candidate that failed in each way is remembered, for the alert when nothing is kept.

import type { PropertySelection } from "../explore/result.js";
import { DISABLED, ENABLED, FAILED_PROPERTY, type Model } from "../model/model.js";
import type { BoundEvent } from "./bind.js";
import { CandidateSet, FULL } from "./candidates.js";
import type { TraceLog } from "./trace-log.js";

/** How a kept-nothing event failed for the candidate shown in the alert. */
export type Violated =
  | { readonly kind: "invariant" | "step"; readonly index: number }
  /** The effect failed a well_typed check (no successor). */
  | { readonly kind: "effect"; readonly site: number; readonly detail: string }
  /** Evaluating an invariant or a step property failed a well_typed check. */
  | { readonly kind: "during"; readonly of: "invariant" | "step"; readonly site: number; readonly detail: string };

export interface Culprit {
  /** The candidate (an index into the current set) and the instance tried. */
  readonly cand: number;
  readonly inst: number;
}

export class MonitorEngine {
  cur: CandidateSet;
  private next: CandidateSet;
  private readonly d: Int32Array;
  private instBuf: Int32Array;
  private readonly instCodes: (Int32Array | null)[];

  /** Set by `step`: successors dropped at the bound. */
  dropped = 0;
  /** Set by `step` when it returns false: the first candidate that failed in each way (-1: none). */
  violatedCand = -1;
  violatedInst = -1;
  violated: Violated | null = null;
  mismatchCand = -1;
  mismatchInst = -1;
  disabledCand = -1;
  disabledInst = -1;
  /** The most candidates ever live at once. */
  peak = 1;
  /** Indexes of the checked properties, when only some are (null: all, with the fast checks). */
  private readonly invariants: Int32Array | null;
  private readonly stepProps: Int32Array | null;

  constructor(
    readonly model: Model,
    readonly max: number,
    private readonly log: TraceLog | null,
    selection: PropertySelection | null = null,
  ) {
    const all = !selection || (selection.invariants.every(Boolean) && selection.steps.every(Boolean));
    const picked = (xs: readonly boolean[]) => Int32Array.from(xs.flatMap((x, i) => (x ? [i] : [])));
    this.invariants = all ? null : picked(selection!.invariants);
    this.stepProps = all ? null : picked(selection!.steps);
    this.cur = new CandidateSet(model.width, max);
    this.next = new CandidateSet(model.width, max);
    this.d = new Int32Array(model.width);
    this.instBuf = new Int32Array(Math.max(1, ...model.actions.map((a) => a.instanceCount)));
    this.instCodes = model.actions.map(() => null);
  }

  /** Starts from the initial state; false when it violates an invariant (see `violated`). */
  start(): boolean {
    const s = new Int32Array(this.model.width);
    this.model.init(s);
    this.cur.reset(s);
    this.log?.append(this.cur.parent, this.cur.inst, 1);
    this.resetCulprits();
    const p = this.checkInvariants(s);
    if (p === -1) return true;
    this.violatedCand = 0;
    this.violated = p >= 0 ? { kind: "invariant", index: p } : { kind: "during", of: "invariant", site: this.model.failure.site, detail: this.model.failure.detail };
    return false;
  }

  private resetCulprits(): void {
    this.violatedCand = this.violatedInst = this.mismatchCand = this.mismatchInst = this.disabledCand = this.disabledInst = -1;
    this.violated = null;
    this.dropped = 0;
  }

  /** The instances `ev` allows (for explaining an alert). */
  allowed(ev: BoundEvent): number[] {
    return Array.from(this.instBuf.subarray(0, this.instances(ev)));
  }

  /** The instances `ev` allows, into instBuf; their number. */
  private instances(ev: BoundEvent): number {
    if (ev.action < 0) return 0;
    if (ev.open === 0) {
      this.instBuf[0] = ev.inst;
      return 1;
    }
    const info = this.model.actions[ev.action];
    const k = info.choices.length;
    let table = this.instCodes[ev.action];
    if (!table) {
      table = new Int32Array(info.instanceCount * k);
      for (let j = 0; j < info.instanceCount; j++) table.set(this.model.decodeInstance(info.firstInstance + j).args, j * k);
      this.instCodes[ev.action] = table;
    }
    const codes = ev.codes;
    let n = 0;
    for (let j = 0; j < info.instanceCount; j++) {
      let ok = true;
      for (let i = 0; i < k; i++) {
        const c = codes[i];
        if (c !== -0x80000000 && c !== table[j * k + i]) {
          ok = false;
          break;
        }
      }
      if (ok) this.instBuf[n++] = info.firstInstance + j;
    }
    return n;
  }

  /** Whether the step s -> d shows what `ev` observed. */
  matches(ev: BoundEvent, s: Int32Array, d: Int32Array): boolean {
    const obs = ev.obs;
    for (let i = 0; i < ev.nObs; i++) if (d[obs[2 * i]] !== obs[2 * i + 1]) return false;
    for (let j = 0; j < ev.nDeltas; j++) {
      const x = ev.deltas[j];
      const o = x.place.offset;
      if (d[o] - s[o] !== x.by) return false;
    }
    return true;
  }

  /** Takes one event; false when no candidate explains it (the culprits say why). */
  step(ev: BoundEvent): boolean {
    this.resetCulprits();
    const model = this.model;
    const cur = this.cur;
    const next = this.next;
    const d = this.d;
    next.clear();
    const n = this.instances(ev);
    for (let c = 0; c < cur.count; c++) {
      const s = cur.state(c);
      if (ev.action < 0) {
        if (this.matches(ev, s, s)) {
          if (next.add(s, c, -1) === FULL) this.dropped++;
        } else if (this.mismatchCand < 0) this.mismatchCand = c;
        continue;
      }
      for (let k = 0; k < n; k++) {
        const inst = this.instBuf[k];
        const r = model.apply(s, d, inst);
        if (r !== ENABLED) {
          if (r === DISABLED) {
            if (this.disabledCand < 0) {
              this.disabledCand = c;
              this.disabledInst = inst;
            }
          } else if (this.violatedCand < 0) this.culprit(c, inst, { kind: "effect", site: model.failure.site, detail: model.failure.detail });
          continue;
        }
        if (!this.matches(ev, s, d)) {
          if (this.mismatchCand < 0) {
            this.mismatchCand = c;
            this.mismatchInst = inst;
          }
          continue;
        }
        const p = this.checkInvariants(d);
        if (p !== -1) {
          if (this.violatedCand < 0) this.culprit(c, inst, p === FAILED_PROPERTY ? { kind: "during", of: "invariant", site: model.failure.site, detail: model.failure.detail } : { kind: "invariant", index: p });
          continue;
        }
        const q = this.checkSteps(s, d, inst);
        if (q !== -1) {
          if (this.violatedCand < 0) this.culprit(c, inst, q === FAILED_PROPERTY ? { kind: "during", of: "step", site: model.failure.site, detail: model.failure.detail } : { kind: "step", index: q });
          continue;
        }
        if (next.add(d, c, inst) === FULL) this.dropped++;
      }
    }
    if (next.count === 0) return false;
    this.log?.append(next.parent, next.inst, next.count);
    this.next = cur;
    this.cur = next;
    if (next.count > this.peak) this.peak = next.count;
    return true;
  }

  /** As model.checkInvariants, over the selected invariants. */
  private checkInvariants(s: Int32Array): number {
    const sel = this.invariants;
    if (!sel) return this.model.checkInvariants(s);
    for (let i = 0; i < sel.length; i++) {
      const r = this.model.checkInvariant(sel[i], s);
      if (r !== 1) return r === 0 ? sel[i] : FAILED_PROPERTY;
    }
    return -1;
  }

  private checkSteps(s: Int32Array, d: Int32Array, inst: number): number {
    const sel = this.stepProps;
    if (!sel) return this.model.checkSteps(s, d, inst);
    for (let i = 0; i < sel.length; i++) {
      const r = this.model.checkStep(sel[i], s, d, inst);
      if (r !== 1) return r === 0 ? sel[i] : FAILED_PROPERTY;
    }
    return -1;
  }

  private culprit(c: number, inst: number, v: Violated): void {
    this.violatedCand = c;
    this.violatedInst = inst;
    this.violated = v;
  }

  /** The instances from the initial state to candidate `c` of the current set. */
  pathTo(c: number): Int32Array {
    if (!this.log) throw new Error("monitor: no history kept");
    return this.log.pathTo(c);
  }
}
