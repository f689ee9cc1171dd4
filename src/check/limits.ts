// Sizes the explorers allocate up front, checked here so that a spec too large for them gets a
// located error instead of an "Invalid typed array length" deep in a search: the action instances
// (one per combination of an action's caller, parameters and picks), and the successors of one
// state held at once (instances × the state's words).

import type * as I from "../ir/ir.js";
import { choiceCount } from "../ir/finite.js";
import { intervalText, showType, slotCount } from "../ir/types.js";
import type { Checker } from "./checker.js";

/** Action instances a spec may have in all. */
export const MAX_INSTANCES = 1 << 24;
/** Words of the successors of one state (instances × words per state). */
export const MAX_SUCCESSOR_WORDS = 1 << 28;

function count(n: number): string {
  return n < 1e15 ? Math.round(n).toLocaleString("en-US") : n.toExponential(2);
}

export function checkLimits(c: Checker, spec: I.Spec): void {
  let total = 0;
  for (const a of spec.actions) {
    const n = a.choices.reduce((p, ch) => p * choiceCount(ch.ty), 1);
    total += n;
    if (n > MAX_INSTANCES) {
      const widest = [...a.choices].sort((x, y) => choiceCount(y.ty) - choiceCount(x.ty))[0];
      c.error(
        widest?.span ?? a.nameSpan,
        `action \`${a.name}\` has ${count(n)} instances (one per combination of its ${a.choices.map((ch) => `\`${ch.name}\``).join(", ")}), more than the ${count(MAX_INSTANCES)} stakecheck supports`,
        widest ? `\`${widest.name}\` ranges over ${widest.ty.k === "int" ? intervalText(widest.ty) : showType(widest.ty)}: narrow its type` : undefined,
      );
      return;
    }
  }
  if (total > MAX_INSTANCES) {
    c.error(spec.actions[0].nameSpan, `the actions have ${count(total)} instances in all, more than the ${count(MAX_INSTANCES)} stakecheck supports`, "narrow the types of the actions' parameters");
    return;
  }
  const words = spec.vars.reduce((n, v) => n + slotCount(v.ty), 0);
  if (total * words > MAX_SUCCESSOR_WORDS && spec.actions.length) {
    c.error(
      spec.actions[0].nameSpan,
      `the successors of one state take ${count(total * words)} words (${count(total)} action instances × ${count(words)} words per state), more than the ${count(MAX_SUCCESSOR_WORDS)} stakecheck supports`,
      "narrow the actions' parameter types or the variables' types",
    );
  }
}
