// Swarm testing (Groce et al., ISSTA 2012): each run turns on a random subset of the actions, and
// of each choice's values (callers, parameters, picks). A uniform walk that must push 25 times
// before the matching pops drain the queue almost never gets there; a run in which `pop` is off
// gets there in 25 steps. Drawn from the run's PRNG, so swarm runs reproduce like uniform ones.

import { choiceCount } from "../ir/finite.js";
import type { Model } from "../model/model.js";
import type { Rng } from "./rng.js";

export class Swarm {
  /** The instances allowed in the current run, in increasing order; `count` of them. */
  readonly allowed: Int32Array;
  count = 0;
  /** Per instance: 1 when allowed in the current run. */
  readonly mask: Uint8Array;
  /** Per action: 1 when on in the current run. */
  readonly actionOn: Uint8Array;
  /** Per action, per choice: which values are on (1) in the current run. */
  private readonly valueOn: Uint8Array[][];

  constructor(private readonly model: Model) {
    this.allowed = new Int32Array(model.instanceCount);
    this.mask = new Uint8Array(model.instanceCount);
    this.actionOn = new Uint8Array(model.actions.length);
    this.valueOn = model.actions.map((a) => a.choices.map((c) => new Uint8Array(choiceCount(c.ty))));
  }

  /** Draws the next run's subset: every action (and value) on with probability 1/2, at least one
   * action and one value per choice. */
  draw(rng: Rng): void {
    const actions = this.model.actions;
    let on = 0;
    for (let k = 0; k < actions.length; k++) {
      const x = rng.coin() ? 1 : 0;
      this.actionOn[k] = x;
      on += x;
    }
    if (on === 0) this.actionOn[rng.below(actions.length)] = 1;
    this.mask.fill(0);
    this.count = 0;
    for (let k = 0; k < actions.length; k++) {
      if (!this.actionOn[k]) continue;
      const values = this.valueOn[k];
      for (const v of values) {
        let kept = 0;
        for (let j = 0; j < v.length; j++) {
          const x = rng.coin() ? 1 : 0;
          v[j] = x;
          kept += x;
        }
        if (kept === 0) v[rng.below(v.length)] = 1;
      }
      this.addInstances(k, values);
    }
  }

  /** Marks the instances of action `k` whose every choice value is on, in instance order (the
   * first choice varies slowest, like the numbering). */
  private addInstances(k: number, values: readonly Uint8Array[]): void {
    const a = this.model.actions[k];
    const n = values.length;
    const digit = new Array<number>(n).fill(0);
    for (let inst = a.firstInstance; inst < a.firstInstance + a.instanceCount; inst++) {
      let ok = true;
      for (let i = 0; i < n; i++) {
        if (!values[i][digit[i]]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        this.mask[inst] = 1;
        this.allowed[this.count++] = inst;
      }
      for (let i = n - 1; i >= 0; i--) {
        if (++digit[i] < values[i].length) break;
        digit[i] = 0;
      }
    }
  }

  /** The names of the actions on in the current run. */
  actionNames(): string[] {
    return this.model.actions.filter((_, k) => this.actionOn[k]).map((a) => a.name);
  }
}
