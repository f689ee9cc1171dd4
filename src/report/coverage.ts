// Vacuity: an action that never fired or a `require` that never held means part of the model
// never ran, and an invariant that holds over a model in which nothing happens proves nothing.

import { warning, type Diagnostic } from "../lang/diagnostic.js";
import type { CoverageSnapshot } from "../explore/result.js";
import type { Spec } from "../ir/ir.js";

export function coverageWarnings(spec: Spec, cov: CoverageSnapshot, statesExplored: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const states = statesExplored.toLocaleString("en-US");
  spec.actions.forEach((a, k) => {
    if (cov.fired[k] > 0) return;
    out.push(
      warning(spec.file, a.nameSpan, `action \`${a.name}\` never fired in the ${states} states explored`, "its guard was false everywhere: properties hold without it ever running"),
    );
    // Point at the first require that never held: the likely reason.
    for (const r of a.requires) {
      if (cov.requireHeld[r] === 0 && cov.requireFailed[r] > 0) {
        out.push(warning(spec.file, spec.requires[r].span, `this \`require\` never held`));
        break;
      }
    }
  });
  spec.requires.forEach((r, k) => {
    if (cov.fired[r.action] > 0 && cov.requireHeld[k] === 0 && cov.requireFailed[k] > 0) {
      out.push(warning(spec.file, r.span, `this \`require\` of \`${spec.actions[r.action].name}\` never held`, "the action fires only through other paths"));
    }
  });
  return out;
}

/** Per action: fired, guard false; as table rows. */
export function coverageRows(spec: Spec, cov: CoverageSnapshot): { action: string; fired: number; disabled: number }[] {
  return spec.actions.map((a, k) => ({ action: a.name, fired: cov.fired[k], disabled: cov.disabled[k] }));
}
