// Procs: `proc checkpoint(a: Account) { ... }`, called as a statement `checkpoint(a)` from actions
// and other procs. A proc is checked once on its own (its diagnostics), then inlined into every
// call: its body is checked again, quietly, in the calling action, with its parameters bound to the
// arguments, so its picks become the action's choices and its requires the action's requires.
// Inlining cannot recurse: a call cycle is reported and its calls are not inlined.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { ERR, type Ty } from "../ir/types.js";
import { ActionBuild } from "./action-build.js";
import { declareLocal } from "./aggregates.js";
import { BUILTINS } from "./calls.js";
import { GLOBAL_KIND_WORD, Scope, type Checker } from "./checker.js";
import { checkExpr, fitTo } from "./expressions.js";
import { checkStmts } from "./statements.js";
import { resolveType } from "./types.js";
import { symMismatch } from "./symmetry.js";

interface ProcState {
  readonly params: { name: string; ty: Ty }[][];
  /** Procs on a call cycle: their calls are not inlined. */
  readonly recursive: Set<number>;
  /** Procs whose body checked with no errors on its own (only those are inlined). */
  readonly clean: boolean[];
  readonly called: Set<number>;
}

const states = new WeakMap<Checker, ProcState>();

function state(c: Checker): ProcState {
  let st = states.get(c);
  if (!st) states.set(c, (st = { params: [], recursive: new Set(), clean: [], called: new Set() }));
  return st;
}

/** The proc calls in statements, nested blocks included. */
function callsIn(stmts: readonly A.Stmt[], out: Extract<A.Stmt, { kind: "call" }>[] = []): Extract<A.Stmt, { kind: "call" }>[] {
  for (const s of stmts) {
    if (s.kind === "call") out.push(s);
    else if (s.kind === "if") {
      callsIn(s.then, out);
      if (s.else) callsIn(s.else, out);
    } else if (s.kind === "for") callsIn(s.body, out);
  }
  return out;
}

/** Per proc, the procs it calls directly, with the call's span. */
function callGraph(c: Checker): { to: number; span: A.Span }[][] {
  return c.procDecls.map((d) =>
    callsIn(d.body).flatMap((s) => {
      const g = c.globals.get(s.callee.text);
      return g?.kind === "proc" ? [{ to: g.id, span: s.span }] : [];
    }),
  );
}

/** Reports each cycle of proc calls once, at the call that closes it; returns the procs on one. */
function reportRecursion(c: Checker, graph: { to: number; span: A.Span }[][]): Set<number> {
  const mark = c.procDecls.map(() => 0); // 0 unvisited, 1 on the path, 2 done
  const path: number[] = [];
  const onCycle = new Set<number>();
  const visit = (i: number): void => {
    mark[i] = 1;
    path.push(i);
    for (const { to, span } of graph[i]) {
      if (mark[to] === 1) {
        const cycle = path.slice(path.indexOf(to));
        cycle.forEach((k) => onCycle.add(k));
        const names = cycle.map((k) => `\`${c.procDecls[k].name.text}\``);
        const message =
          names.length === 1 ? `proc ${names[0]} calls itself`
          : names.length === 2 ? `procs ${names[0]} and ${names[1]} call each other`
          : `procs ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} call each other in a cycle`;
        c.error(span, message, "a proc's body is copied into each call, so procs cannot be recursive; to repeat statements, use a `for` loop");
      } else if (mark[to] === 0) visit(to);
    }
    path.pop();
    mark[i] = 2;
  };
  c.procDecls.forEach((_, i) => {
    if (mark[i] === 0) visit(i);
  });
  return onCycle;
}

/** Resolves every proc's parameter types, reports call cycles, and checks each proc's body on its
 * own, callees first (so a proc's calls can be inlined into it). Runs before the actions. */
export function checkProcs(c: Checker): void {
  const st = state(c);
  c.procDecls.forEach((d, i) => (st.params[i] = d.params.map((p) => ({ name: p.name.text, ty: resolveType(c, p.type) }))));
  const graph = callGraph(c);
  for (const k of reportRecursion(c, graph)) st.recursive.add(k);
  const done = new Set<number>();
  const check = (i: number): void => {
    if (done.has(i)) return;
    done.add(i);
    for (const { to } of graph[i]) if (!st.recursive.has(to)) check(to);
    const d = c.procDecls[i];
    const errors = c.diags.filter((x) => x.severity === "error").length;
    const sc = new Scope("action");
    sc.proc = d.name.text;
    st.params[i].forEach((p, k) => declareLocal(c, sc, d.params[k].name, p.ty, "parameter"));
    checkStmts(c, d.body, sc, new ActionBuild(c, -1));
    st.clean[i] = c.diags.filter((x) => x.severity === "error").length === errors && st.params[i].every((p) => p.ty.k !== "error");
  };
  c.procDecls.forEach((_, i) => check(i));
}

/** Records that proc `id` is named in a call (an expression's, which is an error of its own). */
export function procNamed(c: Checker, id: number): void {
  state(c).called.add(id);
}

/** Warns about procs no action calls (directly or through another proc). */
export function unusedProcs(c: Checker): void {
  const st = state(c);
  c.procDecls.forEach((d, i) => {
    if (!st.called.has(i) && !c.rejected.has(d)) c.warn(d.name.span, `proc \`${d.name.text}\` is never called`);
  });
}

type CallStmt = Extract<A.Stmt, { kind: "call" }>;

function checkArgs(c: Checker, s: CallStmt, sc: Scope): void {
  s.args.forEach((a) => checkExpr(c, a, sc));
}

/** Says why a call statement names something that is not a proc (true), or nothing (false). */
function notAProc(c: Checker, s: CallStmt, sc: Scope): boolean {
  const name = s.callee.text;
  const local = sc.lookup(name);
  const g = c.globals.get(name);
  if (g?.kind === "proc" && !local) return false;
  if (local) {
    c.error(s.callee.span, `\`${name}\` is ${local.what === "let" ? "a `let` value" : `a ${local.what === "loop" ? "loop variable" : local.what}`}, not a proc`);
  } else if (g?.kind === "def") {
    c.error(
      s.callee.span,
      `\`${name}\` is a def: it computes a value, and a statement cannot be only a value`,
      `use its value, as in \`require ${name}(...)\` or \`x = ${name}(...)\`; to share statements, declare a \`proc\``,
    );
  } else if (g?.kind === "action") {
    c.error(s.callee.span, `\`${name}\` is an action, and an action cannot call another: each step is one action`, "move the statements both need into a `proc` and call it from each");
  } else if (g) {
    c.error(s.callee.span, `\`${name}\` is ${GLOBAL_KIND_WORD[g.kind]}, not a proc`);
  } else if (name === "old" || Object.prototype.hasOwnProperty.call(BUILTINS, name)) {
    const hint = name === "push" || name === "pop" || name === "remove_at" ? `it gives a new queue: assign it, as in \`q = ${name}(q, ...)\`` : undefined;
    c.error(s.callee.span, `\`${name}(...)\` is a value, and a statement cannot be only a value`, hint);
  } else {
    const hint = c.suggest(name, undefined, (x) => x.kind === "proc");
    c.error(s.callee.span, `unknown proc \`${name}\``, hint ?? (c.procDecls.length === 0 ? "declare it: `proc " + name + "(...) { ... }`" : undefined));
  }
  return true;
}

/** `name(args)` as a statement: the proc's body inlined, after `let`s binding its parameters. */
export function checkCallStmt(c: Checker, s: CallStmt, sc: Scope, act: ActionBuild): I.Stmt[] | null {
  if (notAProc(c, s, sc)) {
    checkArgs(c, s, sc);
    return null;
  }
  const id = (c.globals.get(s.callee.text) as { id: number }).id;
  const st = state(c);
  st.called.add(id);
  const decl = c.procDecls[id];
  const params = st.params[id];
  if (s.args.length !== params.length) {
    c.error(s.span, `\`${decl.name.text}\` takes ${params.length} argument${params.length === 1 ? "" : "s"} (${params.map((p) => p.name).join(", ")}), got ${s.args.length}`);
    checkArgs(c, s, sc);
    return null;
  }
  const args = s.args.map((a, i) => {
    const what = `argument \`${params[i].name}\` of \`${decl.name.text}\``;
    const v = fitTo(c, checkExpr(c, a, sc, params[i].ty), params[i].ty, what);
    // A plain integer passed for a symmetric one (or the reverse) keeps a fit, for symmetry's rules.
    if (v.k === "fit" || v.ty.k === "error" || !symMismatch(v.ty, params[i].ty)) return v;
    return { k: "fit", ty: params[i].ty, e: v, site: c.site("range", a.span, params[i].ty, what), span: a.span } satisfies I.Expr;
  });
  if (st.recursive.has(id) || !st.clean[id] || args.some((a) => a.ty.k === "error")) return null;
  const inner = sc.isolated(decl.name.text);
  const callsBefore = c.pendingCalls.length;
  const suppressed = c.suppressed;
  c.quiet++;
  try {
    const lets: I.Stmt[] = params.map((p, i) => ({ k: "let", local: declareLocal(c, inner, decl.params[i].name, p.ty ?? ERR, "parameter"), value: args[i], span: decl.params[i].span }));
    return [...lets, ...checkStmts(c, decl.body, inner, act)];
  } finally {
    c.quiet--;
    // The calls in the body were recorded when the proc was checked on its own.
    c.pendingCalls.length = callsBefore;
    if (c.suppressed > suppressed) c.error(s.span, `the body of \`${decl.name.text}\` does not check when inlined here`, "please report this: a proc that checks on its own should check at every call");
  }
}
