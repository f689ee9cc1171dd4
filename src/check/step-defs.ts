// Defs that describe a step: a def may use `action`, `caller`, an action's parameter
// (`withdraw.a`) or `old`, and is then callable only where a step is known: from step properties
// (inside `old(...)` too) and from other such defs.

import type { Checker, Scope } from "./checker.js";

/** Whether the scope may use a step's `what` (`caller`, `action`, `withdraw.a`): in step
 * properties, and in defs, which then become step-only. */
export function stepAllowed(c: Checker, sc: Scope, what: string): boolean {
  if (sc.mode === "step") return true;
  if (sc.mode !== "def" || sc.defId === undefined) return false;
  const facts = c.defFacts[sc.defId];
  facts.usesStep ??= what;
  return true;
}

/** Per def, the step value it uses (directly or through the defs it calls), if any. */
export function stepUses(c: Checker): (string | undefined)[] {
  const uses = c.defFacts.map((f) => f.usesStep);
  for (let changed = true; changed; ) {
    changed = false;
    c.defFacts.forEach((f, i) => {
      for (const j of f.calls) {
        if (uses[i] === undefined && uses[j] !== undefined) {
          uses[i] = uses[j];
          changed = true;
        }
      }
    });
  }
  return uses;
}

const CONTEXT_HINT: Record<string, string> = {
  action: "an action knows its own parameters and caller: pass them to a def that takes them as parameters",
  invariant: "an invariant is about one state; to relate a step's action, caller or parameters to what changed, write a `step` property",
  init: "an initial value is computed before any step",
  const: "a const is computed before any step",
};

/** Reports the calls of step-only defs outside step properties. */
export function stepOnlyCalls(c: Checker, closure: { usesOld: boolean[] }): void {
  const uses = stepUses(c);
  for (const call of c.pendingCalls) {
    if (call.mode === "step" || call.mode === "def") continue;
    const name = c.defDecls[call.def].name.text;
    if (closure.usesOld[call.def]) {
      c.error(call.span, `\`${name}\` uses \`old\`, so it can be called only from step properties`, "`old` compares a step's two states; an invariant or an action sees one");
    } else if (uses[call.def] !== undefined) {
      c.error(call.span, `\`${name}\` uses ${uses[call.def]}, which only a step has, so it can be called only from step properties`, CONTEXT_HINT[call.mode]);
    }
  }
}
