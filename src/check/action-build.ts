// What an action's body contributes while it is checked: its `require`s and its picks. A pick
// inside a loop is one choice per round of the loop, and a pick inside a proc one choice per call,
// so picks are collected per loop level and multiplied out when the loop is done: the action's
// choices are the picks in the order the body makes them, round after round.

import type { Span } from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import type { Ty } from "../ir/types.js";
import type { Checker } from "./checker.js";

/** A pick as checked, before its loops are multiplied out: `name` plus `[v]` per enclosing loop. */
interface PickDraft {
  readonly name: string;
  readonly suffix: string;
  readonly local: number;
  readonly ty: Ty;
  readonly span: Span;
}

export class ActionBuild {
  /** The caller and the parameters. */
  readonly fixed: I.Choice[] = [];
  /** Ids of the action's requires, in text order (indexes into `Checker.requires`). */
  readonly requires: number[] = [];
  /** Picks per loop level, outermost first; a level's picks are one round of its loop. */
  private readonly levels: PickDraft[][] = [[]];
  /** The pick number of each level's first pick, in round 0 of every enclosing loop. */
  private readonly bases: number[] = [0];

  /** `id` is the action's index; -1 checks a proc on its own (its requires are registered only
   * when it is inlined into an action). */
  constructor(
    private readonly c: Checker,
    readonly id: number,
  ) {}

  /** Registers a `require`; its id, or -1 outside an action. */
  require(span: Span): number {
    if (this.id < 0) return -1;
    const req = this.c.requires.length;
    this.c.requires.push({ action: this.id, span });
    this.requires.push(req);
    return req;
  }

  /** Registers a pick; its number (as `I.Stmt` pick's `pick`). */
  pick(name: string, local: number, ty: Ty, span: Span): number {
    const level = this.levels[this.levels.length - 1];
    const n = this.bases[this.bases.length - 1] + level.length;
    level.push({ name, suffix: "", local, ty, span });
    return n;
  }

  /** Starts a loop's body. */
  enterLoop(): void {
    const level = this.levels[this.levels.length - 1];
    this.bases.push(this.bases[this.bases.length - 1] + level.length);
    this.levels.push([]);
  }

  /** Ends a loop's body; its rounds are labelled `labels` (one per slot). Returns the stride. */
  exitLoop(labels: readonly string[]): number {
    const body = this.levels.pop()!;
    this.bases.pop();
    const outer = this.levels[this.levels.length - 1];
    for (const label of labels) for (const p of body) outer.push({ ...p, suffix: `[${label}]${p.suffix}` });
    return body.length;
  }

  /** The picks made so far at the current loop level (for a loop's instance count). */
  get picksHere(): number {
    return this.levels[this.levels.length - 1].length;
  }

  /** Every choice: the caller and parameters, then the picks, each with a name of its own. */
  choices(): I.Choice[] {
    const taken = new Set(this.fixed.map((ch) => ch.name));
    const picks = this.levels[0].map((p): I.Choice => {
      const wanted = p.name + p.suffix;
      let name = wanted;
      // The same pick name in two branches or two calls of a proc: `w`, then `w_2`.
      for (let k = 2; taken.has(name); k++) name = `${p.name}_${k}${p.suffix}`;
      taken.add(name);
      return { kind: "pick", name, local: p.local, ty: p.ty, span: p.span };
    });
    return [...this.fixed, ...picks];
  }
}
