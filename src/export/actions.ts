// Actions: one operator per action, its parameters the action's parameters, caller and picks (in
// that order); its body the events of its statements as conjuncts, then the primed variables.
// A failing instance (a well_typed violation) is not a step: stakecheck records the violation and
// adds no state, so the action is disabled there, and `Name_fails` (a state predicate) says so for
// WellTyped. Next is the disjunction of the actions, every choice existentially quantified.

import type * as I from "../ir/ir.js";
import { commentText } from "./names.js";
import { Scope } from "./names.js";
import type { ModuleCtx } from "./context.js";
import { definition } from "./print.js";
import { runAction, type Event, type Run } from "./stmts.js";
import { FALSE, and, bin, boundNames, conjList, countIds, id, implies, not, or, prime, substitute, tuple, type LetDef, type T } from "./tla.js";
import { typeSet } from "./types.js";

/** The choices of an action in TLA+ order (parameters, caller, picks), with the index of each in
 * the IR's order (caller, parameters, picks). */
export function choiceOrder(a: I.Action): number[] {
  const order: number[] = [];
  a.choices.forEach((c, i) => c.kind === "param" && order.push(i));
  a.choices.forEach((c, i) => c.kind === "caller" && order.push(i));
  a.choices.forEach((c, i) => c.kind === "pick" && order.push(i));
  return order;
}

/** Names for an action's choices, bound in `scope`, in the IR's order. Picks made in several
 * rounds of a loop are numbered by round (`signs_0`, `signs_1`), as traces name them `signs[0]`. */
export function choiceNames(a: I.Action, scope: Scope): string[] {
  const picks = new Map<string, number>();
  for (const c of a.choices) if (c.kind === "pick") picks.set(c.name, (picks.get(c.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return a.choices.map((c) => {
    if (c.kind !== "pick" || (picks.get(c.name) ?? 0) < 2) return scope.bind(c.name);
    const k = seen.get(c.name) ?? 0;
    seen.set(c.name, k + 1);
    return scope.bind(`${c.name}_${k}`);
  });
}

/** `\E`/`\A` bindings of an action's choices (TLA+ order) and the application `Act(...)`. */
export function instance(m: ModuleCtx, k: number, scope: Scope, only?: (c: I.Choice) => boolean): { binds: { name: string; set: T }[]; call: T; names: string[] } {
  const a = m.spec.actions[k];
  const names = choiceNames(a, scope);
  const order = choiceOrder(a);
  const binds = order.filter((i) => !only || only(a.choices[i])).map((i) => ({ name: names[i], set: typeSet(m, a.choices[i].ty) }));
  const args = order.map((i) => id(names[i]));
  return { binds, call: args.length ? { k: "app", op: m.actions[k], args } : id(m.actions[k]), names };
}

/** Whether `t` mentions `name`. */
function uses(t: T, name: string): boolean {
  const counts = new Map<string, number>();
  countIds(t, counts);
  return counts.has(name);
}

/** Whether inlining `d` where it is used would nest a binder inside another of the same name
 * (sibling scopes may reuse a name: `map(s in Slot: ...)` twice in one action), which TLA+ forbids. */
function clashes(d: LetDef, items: readonly T[], defs: readonly LetDef[]): boolean {
  const inner = boundNames(d.body);
  if (inner.size === 0) return false;
  const user = [...items, ...defs.filter((x) => x !== d).map((x) => x.body)].find((t) => uses(t, d.name));
  if (!user) return false;
  for (const n of boundNames(user)) if (inner.has(n)) return true;
  return false;
}

/** Inlines version definitions used once (unless that would nest a binder in a namesake), drops
 * unused ones. */
function prune(lets: readonly LetDef[], versions: ReadonlySet<string>, body: readonly T[]): { lets: LetDef[]; body: T[] } {
  let defs = [...lets];
  let items = [...body];
  const kept = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    const counts = new Map<string, number>();
    for (const t of items) countIds(t, counts);
    for (const d of defs) countIds(d.body, counts);
    for (let i = defs.length - 1; i >= 0; i--) {
      const d = defs[i];
      const n = counts.get(d.name) ?? 0;
      if (n === 1 && versions.has(d.name) && !kept.has(d.name) && clashes(d, items, defs)) kept.add(d.name);
      if (n === 0 || (n === 1 && versions.has(d.name) && !kept.has(d.name))) {
        defs.splice(i, 1);
        if (n === 1) {
          items = items.map((t) => substitute(t, d.name, d.body));
          defs = defs.map((x) => ({ ...x, body: substitute(x.body, d.name, d.body) }));
        }
        changed = true;
        break;
      }
    }
  }
  return { lets: defs, body: items };
}

function conjunct(e: Event): T {
  return e.kind === "require" ? implies(e.pc, e.cond) : implies(e.pc, not(e.fails));
}

/** Whether the first event that does not hold is a well_typed check. */
function failsChain(events: readonly Event[]): T {
  let acc: T = FALSE;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    acc = e.kind === "require" ? and(implies(e.pc, e.cond), acc) : or(and(e.pc, e.fails), acc);
  }
  return acc;
}

export interface ActionOut {
  /** The operator definitions (the action, and its `_fails` if it can fail). */
  readonly text: string;
  /** The `_fails` operator's name, or null. */
  readonly fails: string | null;
  /** The state after the step, per variable (unprimed expressions over LET names), for reuse. */
  readonly run: Run;
}

export function actionOperators(m: ModuleCtx, k: number): ActionOut {
  const a = m.spec.actions[k];
  const scope = new Scope(m.names);
  const names = choiceNames(a, scope);
  const run = runAction(m, scope, a, names.map(id));
  const params = choiceOrder(a).map((i) => names[i]);
  const changed = m.vars.map((_, v) => v).filter((v) => !(run.env[v].k === "id" && (run.env[v] as { name: string }).name === m.vars[v]));
  const unchanged = m.vars.filter((_, v) => !changed.includes(v));
  const items = [...run.events.map(conjunct), ...changed.map((v) => bin("=", prime(id(m.vars[v])), run.env[v]))];
  const notes: (string | undefined)[] = [...run.events.map((e) => commentText(e.note)), ...changed.map(() => undefined)];
  if (unchanged.length) {
    items.push({ k: "prefix", op: "UNCHANGED", e: tuple(unchanged.map(id)) });
    notes.push(undefined);
  }
  const p = prune(run.lets, run.versions, items);
  const head = `\\* action ${commentText(a.name)}${a.fairness ? ` (${a.fairness === "weak" ? "fair" : "strong fair"})` : ""}`;
  const out = [head, definition(m.actions[k], params, wrap(p.lets, conjList(p.body, notes)))];
  let fails: string | null = null;
  const chain = failsChain(run.events);
  if (chain.k !== "bool" || chain.v) {
    fails = m.names.derived(`${m.actions[k]}_fails`);
    const f = prune(run.lets, run.versions, [chain]);
    out.push(`\\* ${commentText(a.name)} would break well_typed: a check fails before any require does`);
    out.push(definition(fails, params, wrap(f.lets, f.body[0])));
  }
  return { text: out.join("\n"), fails, run };
}

function wrap(lets: readonly LetDef[], body: T): T {
  return lets.length ? { k: "let", defs: lets, body } : body;
}

export function nextOperator(m: ModuleCtx): T {
  const parts = m.spec.actions.map((_, k) => {
    const { binds, call } = instance(m, k, new Scope(m.names));
    return binds.length ? ({ k: "quant", q: "\\E", binds, body: call } as T) : call;
  });
  return parts.length === 0 ? FALSE : parts.length === 1 ? parts[0] : { k: "junc", op: "\\/", items: parts, notes: parts.map(() => undefined) };
}
