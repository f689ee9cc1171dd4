// Defs: signatures first, bodies checked on first use (so a def may call one declared later), with
// recursion reported; then what each def reads, transitively.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { ERR, isWord, showType, type Ty } from "../ir/types.js";
import { declareLocal } from "./aggregates.js";
import { Scope, type Checker } from "./checker.js";
import { checkExpr, fitTo } from "./expressions.js";
import { resolveType } from "./types.js";

const checking = new WeakMap<Checker, Set<number>>();

function returnable(t: Ty): boolean {
  return isWord(t) || t.k === "error";
}

export function defSignature(c: Checker, decl: A.DefDecl): { params: { name: string; ty: Ty }[]; ret: Ty | null } {
  const params = decl.params.map((p) => ({ name: p.name.text, ty: resolveType(c, p.type) }));
  let ret: Ty | null = null;
  if (decl.returnType) {
    ret = resolveType(c, decl.returnType);
    if (!returnable(ret)) {
      c.error(decl.returnType.span, `a def returns bool, a number, an enum, an option or a set of at most 32 elements, not ${showType(ret)}`);
      ret = ERR;
    }
  }
  return { params, ret };
}

/** Checks def `id`'s body if that has not happened yet; reports a call cycle at `callSpan`. */
export function ensureDef(c: Checker, id: number): I.Def | null {
  const done = c.defBodies[id];
  if (done) return done;
  let active = checking.get(c);
  if (!active) checking.set(c, (active = new Set()));
  const decl = c.defDecls[id];
  // A call cycle is reported once, by reportRecursion, whatever the defs' declared return types.
  if (active.has(id)) return null;
  active.add(id);
  const sig = c.defSigs[id];
  const sc = new Scope("def", id);
  const params = decl.params.map((p, i) => ({ name: p.name.text, ty: sig.params[i].ty, local: declareLocal(c, sc, p.name, sig.params[i].ty, "parameter") }));
  let body = checkExpr(c, decl.body, sc, sig.ret ?? undefined);
  if (sig.ret && sig.ret.k !== "error") body = fitTo(c, body, sig.ret, `the result of \`${decl.name.text}\``);
  else if (!returnable(body.ty)) {
    c.error(decl.body.span, `a def returns bool, a number, an enum, an option or a set of at most 32 elements, not ${showType(body.ty)}`);
  }
  active.delete(id);
  const def: I.Def = { name: decl.name.text, params, ret: sig.ret ?? body.ty, body, nLocals: sc.nLocals, span: decl.span };
  c.defBodies[id] = def;
  return def;
}

/** Per def, whether it (or a def it calls) reads state, and whether it uses `old`. */
export function defClosure(c: Checker): { readsState: boolean[]; usesOld: boolean[] } {
  const n = c.defFacts.length;
  const readsState = c.defFacts.map((f) => f.readsState);
  const usesOld = c.defFacts.map((f) => f.usesOld);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      for (const j of c.defFacts[i].calls) {
        if (readsState[j] && !readsState[i]) readsState[i] = changed = true;
        if (usesOld[j] && !usesOld[i]) usesOld[i] = changed = true;
      }
    }
  }
  return { readsState, usesOld };
}

/** Reports each cycle of def calls once, at the call that closes it. */
export function reportRecursion(c: Checker): void {
  const state = c.defDecls.map(() => 0); // 0 unvisited, 1 on the path, 2 done
  const path: number[] = [];
  const callSpan = (from: number, to: number) => c.pendingCalls.find((p) => p.fromDef === from && p.def === to)!.span;
  const visit = (i: number): void => {
    state[i] = 1;
    path.push(i);
    for (const j of [...c.defFacts[i].calls].sort((x, y) => x - y)) {
      if (state[j] === 1) {
        const cycle = path.slice(path.indexOf(j)).map((k) => `\`${c.defDecls[k].name.text}\``);
        const message =
          cycle.length === 1 ? `${cycle[0]} calls itself`
          : cycle.length === 2 ? `${cycle[0]} and ${cycle[1]} call each other`
          : `${cycle.slice(0, -1).join(", ")} and ${cycle[cycle.length - 1]} call each other in a cycle`;
        c.error(callSpan(i, j), message, "defs cannot be recursive, so that every expression terminates; over a finite domain, use an aggregate such as sum(...) instead");
      } else if (state[j] === 0) visit(j);
    }
    path.pop();
    state[i] = 2;
  };
  c.defDecls.forEach((_, i) => {
    if (state[i] === 0) visit(i);
  });
}
