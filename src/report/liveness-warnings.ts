// Liveness vacuity: a leads-to whose P holds in no reachable state proves nothing, and a fair
// action that is never enabled constrains nothing (its fairness is not what makes anything hold).

import { warning, type Diagnostic } from "../lang/diagnostic.js";
import type { BfsResult } from "../explore/bfs.js";
import type { Spec } from "../ir/ir.js";
import type { Model } from "../model/model.js";
import { bindingText, groupText } from "./lasso-text.js";

export function livenessWarnings(model: Model, result: BfsResult): Diagnostic[] {
  const spec: Spec = model.spec;
  const lv = result.liveness;
  if (!lv) return [];
  const out: Diagnostic[] = [];
  const states = result.stats.distinct.toLocaleString("en-US");
  (spec.liveness ?? []).forEach((l, k) => {
    const o = lv.properties[k];
    if (!o || o.vacuous.length === 0 || l.p === null) return;
    const p = spec.file.slice(l.p.span).replace(/\s+/g, " ");
    const which = o.vacuous.length === o.instances ? "" : ` for ${o.vacuous.slice(0, 4).map((b) => bindingText(l, b)).join(", ")}${o.vacuous.length > 4 ? ", ..." : ""}`;
    out.push(warning(spec.file, l.p.span, `liveness \`${l.name}\` holds vacuously${which}: \`${p}\` is false in all ${states} reachable states`, "a leads-to whose condition never holds checks nothing"));
  });
  for (const x of lv.neverEnabled) {
    const a = spec.actions[x.action];
    const all = x.params.length === x.of;
    const which = all ? "" : ` for ${x.params.slice(0, 4).map((p) => groupText(model, x.action, p)).join(", ")}${x.params.length > 4 ? ", ..." : ""}`;
    out.push(
      warning(spec.file, a.nameSpan, `fair action \`${a.name}\` is never enabled${which} in the ${states} states explored`, "its fairness constrains nothing: no liveness property holds thanks to it"),
    );
  }
  return out;
}
