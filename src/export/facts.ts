// Facts about a spec's defs that the export needs before translating anything: which read the step
// (inlined where used), which variables each reads, and an order in which every def comes after
// the defs it calls (TLA+ defines an operator before its use).

import type * as I from "../ir/ir.js";
import { forEachExpr } from "../ir/walk.js";

export interface SpecFacts {
  readonly stepDefs: boolean[];
  readonly reads: Set<number>[];
  readonly defOrder: number[];
}

export function specFacts(spec: I.Spec): SpecFacts {
  const calls = spec.defs.map((d) => {
    const out = new Set<number>();
    forEachExpr(d.body, (x) => x.k === "call" && out.add(x.def));
    return out;
  });
  const stepDefs = spec.defs.map((d) => {
    let uses = false;
    forEachExpr(d.body, (x) => {
      if (x.k === "action" || x.k === "caller" || x.k === "stepParam" || x.k === "old") uses = true;
    });
    return uses;
  });
  const reads = spec.defs.map((d) => {
    const out = new Set<number>();
    forEachExpr(d.body, (x) => x.k === "var" && out.add(x.id));
    return out;
  });
  for (let changed = true; changed; ) {
    changed = false;
    calls.forEach((cs, i) => {
      for (const j of cs) {
        if (stepDefs[j] && !stepDefs[i]) stepDefs[i] = changed = true;
        for (const v of reads[j]) if (!reads[i].has(v)) (reads[i].add(v), (changed = true));
      }
    });
  }
  const defOrder: number[] = [];
  const done = new Set<number>();
  const visit = (k: number): void => {
    if (done.has(k)) return;
    done.add(k);
    for (const j of calls[k]) visit(j);
    defOrder.push(k);
  };
  spec.defs.forEach((_, k) => visit(k));
  return { stepDefs, reads, defOrder };
}
