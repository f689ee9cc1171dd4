// Liveness properties and fairness (docs/liveness.md). `all(a in T: ...)` becomes `\A a \in T`;
// `P ~> Q`, `eventually Q`, `always eventually Q` and `eventually always Q` become `P ~> Q`, `<>Q`,
// `[]<>Q` and `<>[]Q`. A fair action is weakly (`WF_vars`) or strongly (`SF_vars`) fair per
// instance of its parameters, its caller and picks chosen existentially inside: exactly what
// stakecheck's fair-cycle search assumes. Checked with `Spec == Init /\ [][Next]_vars /\ Fairness`.

import type * as I from "../ir/ir.js";
import { assertNever } from "../util/assert-never.js";
import { instance } from "./actions.js";
import { withLocal, type ModuleCtx } from "./context.js";
import { tr } from "./expr.js";
import { Scope, commentText } from "./names.js";
import { definition } from "./print.js";
import { rootCtx, type PropertyOut } from "./properties.js";
import { TRUE, and, forall, id, isFalse, not, or, type T } from "./tla.js";
import { typeSet } from "./types.js";

export function livenessOperator(m: ModuleCtx, l: I.Liveness, name: string): PropertyOut {
  let ctx = rootCtx(m);
  const binds = l.binders.map((b) => {
    const n = ctx.scope.bind(b.name);
    ctx = withLocal(ctx, b.local, id(n));
    return { name: n, set: typeSet(m, b.ty) };
  });
  const q = tr(ctx, l.q);
  const p = l.p ? tr(ctx, l.p) : null;
  // Where evaluating P or Q fails, stakecheck reports well_typed and decides nothing: there P does
  // not trigger and Q does not block.
  const Q = or(q.f, q.v);
  let body: T;
  switch (l.kind) {
    case "leadsto":
      body = { k: "leadsto", l: and(not(p!.f), p!.v), r: Q };
      break;
    case "eventually":
      body = { k: "prefix", op: "<>", e: Q };
      break;
    case "infinitely":
      body = { k: "prefix", op: "[]", e: { k: "prefix", op: "<>", e: Q } };
      break;
    case "stable":
      body = { k: "prefix", op: "<>", e: { k: "prefix", op: "[]", e: Q } };
      break;
    default:
      return assertNever(l.kind);
  }
  const fails = or(p ? p.f : { k: "bool", v: false }, q.f);
  const text = [`\\* liveness ${commentText(l.name)}`, definition(name, [], binds.length ? { k: "quant", q: "\\A", binds, body } : body)].join("\n");
  return { text, wellTyped: isFalse(fails) ? [] : [[forall(binds, not(fails)), `evaluating liveness ${commentText(l.name)}`]], invariants: [], properties: [name] };
}

/** The conjunction of every fair action's fairness, per instance of its parameters. */
export function fairness(m: ModuleCtx): T {
  const parts: T[] = [];
  m.spec.actions.forEach((a, k) => {
    if (!a.fairness) return;
    const scope = new Scope(m.names);
    const inst = instance(m, k, scope, (c) => c.kind !== "param");
    const params = a.choices.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === "param");
    const names = inst.names;
    const action: T = inst.binds.length ? { k: "quant", q: "\\E", binds: inst.binds, body: inst.call } : inst.call;
    const fair: T = { k: "sub", op: a.fairness === "weak" ? "WF" : "SF", a: action, v: id("vars") };
    const pb = params.map(({ c, i }) => ({ name: names[i], set: typeSet(m, c.ty) }));
    parts.push(pb.length ? { k: "quant", q: "\\A", binds: pb, body: fair } : fair);
  });
  return parts.length === 0 ? TRUE : parts.length === 1 ? parts[0] : { k: "junc", op: "/\\", items: parts, notes: parts.map(() => undefined) };
}
