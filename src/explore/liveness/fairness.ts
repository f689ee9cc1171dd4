// Fairness constraints as the explorers see them. `fair action withdraw(a: Account)` puts one
// weak-fairness constraint on every value of its parameters: WF_vars(withdraw(a)) for each a, where
// the caller and the picks are chosen freely (TLA+: \A a \in Account: WF_vars(\E c: Withdraw(a, c))).
// A constraint is a *group* of action instances (same action, same parameters); it is *enabled* in
// a state when one of its instances leads to a different state (ENABLED <A>_vars), and *taken* by
// a step s -> t (t != s) that one of its instances produces (<A>_vars).

import { choiceCodeAt, choiceCount } from "../../ir/finite.js";
import type { Model } from "../../model/model.js";

export type FairnessKind = "weak" | "strong";

export interface FairGroup {
  readonly action: number;
  /** The parameters' values (choice codes, src/ir/finite.ts), in declaration order. */
  readonly params: readonly number[];
  readonly kind: FairnessKind;
}

export interface Fairness {
  readonly groups: readonly FairGroup[];
  /** Per action instance: its group, or -1 when its action is not fair. */
  readonly groupOf: Int32Array;
  /** Per group: 1 strong, 0 weak. */
  readonly strong: Uint8Array;
}

/** The fairness groups of a model (none when no action is fair). */
export function fairnessOf(model: Model): Fairness {
  const groups: FairGroup[] = [];
  const groupOf = new Int32Array(Math.max(1, model.instanceCount)).fill(-1);
  model.actions.forEach((a, k) => {
    const kind = model.spec.actions[k].fairness;
    if (!kind) return;
    // Instances number the choices caller, parameters, picks, the first varying slowest.
    const card = a.choices.map((c) => choiceCount(c.ty));
    const isParam = a.choices.map((c) => c.kind === "param");
    const paramCount = card.reduce((n, c, i) => (isParam[i] ? n * c : n), 1);
    const paramChoices = a.choices.filter((c) => c.kind === "param");
    const base = groups.length;
    for (let p = 0; p < paramCount; p++) {
      const params = new Array<number>(paramChoices.length);
      let x = p;
      for (let j = paramChoices.length - 1; j >= 0; j--) {
        const n = choiceCount(paramChoices[j].ty);
        params[j] = choiceCodeAt(paramChoices[j].ty, x % n);
        x = Math.floor(x / n);
      }
      groups.push({ action: k, params, kind });
    }
    for (let i = 0; i < a.instanceCount; i++) {
      // The instance's choice ordinals, fastest last; its group is the mixed-radix number of its parameters.
      let x = i;
      let g = 0;
      let radix = 1;
      for (let c = a.choices.length - 1; c >= 0; c--) {
        const ord = x % card[c];
        x = Math.floor(x / card[c]);
        if (isParam[c]) {
          g += ord * radix;
          radix *= card[c];
        }
      }
      groupOf[a.firstInstance + i] = base + g;
    }
  });
  const strong = new Uint8Array(Math.max(1, groups.length));
  groups.forEach((g, i) => (strong[i] = g.kind === "strong" ? 1 : 0));
  return { groups, groupOf, strong };
}
