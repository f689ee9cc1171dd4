// What the checker knows about names, for hover: consts' values, declared and inferred types. From
// the IR when the spec checks; otherwise from checking only its consts, types and variables (a
// spec being edited usually has an error somewhere else), so the values still show.

import { checkSpec } from "../check/check.js";
import type * as A from "../lang/ast.js";
import { forEachExpr, forEachStmtExpr } from "../ir/walk.js";
import type * as I from "../ir/ir.js";
import { intervalText, type Ty } from "../ir/types.js";
import { assertNever } from "../util/assert-never.js";
import type { Analysis } from "./analysis.js";
import type { Sym } from "./symbols.js";

export interface SemanticInfo {
  /** The IR the facts come from: the whole spec's, or a reduced spec's. */
  readonly complete: boolean;
  constValue(name: string): number | boolean | undefined;
  namedType(name: string): Ty | undefined;
  variable(name: string): I.Var | undefined;
  def(name: string): I.Def | undefined;
  /** The type of a parameter, caller, `let`, `pick` or bound name. */
  localType(sym: Sym): Ty | undefined;
}

const NONE: SemanticInfo = {
  complete: false,
  constValue: () => undefined,
  namedType: () => undefined,
  variable: () => undefined,
  def: () => undefined,
  localType: () => undefined,
};

export function semanticInfo(a: Analysis): SemanticInfo {
  if (a.ir) return fromIr(a.ir, true);
  const keep = (kinds: readonly A.Decl["kind"][]): A.Spec => ({ ...a.ast, decls: a.ast.decls.filter((d) => kinds.includes(d.kind)) });
  for (const kinds of [["const", "type", "var"], ["const", "type"], ["const"]] as const) {
    const reduced = checkSpec(a.file, keep(kinds), { consts: a.consts });
    if (reduced.spec) return fromIr(reduced.spec, false);
  }
  return NONE;
}

function fromIr(spec: I.Spec, complete: boolean): SemanticInfo {
  // Locals by where their name (or a `let`'s value) starts: the IR keeps the tree's spans.
  const locals = new Map<number, Ty>();
  for (const a of spec.actions) {
    for (const c of a.choices) locals.set(c.span.start, c.ty);
    collectLets(a.body, locals);
    forEachStmtExpr(a.body, (e) => collectBinders(e, locals));
  }
  for (const d of spec.defs) forEachExpr(d.body, (e) => collectBinders(e, locals));
  for (const p of [...spec.invariants, ...spec.steps]) forEachExpr(p.expr, (e) => collectBinders(e, locals));
  for (const v of spec.vars) forEachExpr(v.init, (e) => collectBinders(e, locals));
  return {
    complete,
    constValue: (name) => spec.consts.find((c) => c.name === name)?.value,
    namedType: (name) => spec.types.find((t) => t.name === name)?.ty,
    variable: (name) => spec.vars.find((v) => v.name === name),
    def: (name) => spec.defs.find((d) => d.name === name),
    localType(sym) {
      switch (sym.kind) {
        case "param":
        case "caller":
          if (sym.decl.kind === "def") return spec.defs.find((d) => d.name === sym.decl.name.text)?.params.find((p) => p.name === sym.name)?.ty;
          return locals.get(sym.nameSpan.start);
        case "binder": {
          if (!sym.part) return locals.get(sym.nameSpan.start);
          const whole = locals.get(sym.part.of);
          return whole?.k === "rec" ? whole.fields[sym.part.index]?.ty : undefined;
        }
        case "pick":
        case "loop":
          return locals.get(sym.nameSpan.start);
        case "let":
          return sym.value ? locals.get(sym.value.span.start) : undefined;
        case "const":
        case "type":
        case "enumMember":
        case "var":
        case "def":
        case "proc":
        case "action":
        case "invariant":
        case "step":
        case "liveness":
          return undefined;
        default:
          return assertNever(sym.kind, "symbol kind");
      }
    },
  };
}

function collectLets(stmts: readonly I.Stmt[], out: Map<number, Ty>): void {
  for (const s of stmts) {
    switch (s.k) {
      case "let":
        out.set(s.value.span.start, s.value.ty);
        break;
      case "if":
        collectLets(s.then, out);
        collectLets(s.else, out);
        break;
      case "for":
        collectLets(s.body, out);
        break;
      case "require":
      case "pick":
      case "assign":
        break;
      default:
        assertNever(s, "statement");
    }
  }
}

function collectBinders(e: I.Expr, out: Map<number, Ty>): void {
  if (e.k !== "agg") return;
  for (const b of e.binders) out.set(b.span.start, binderType(b.domain));
}

function binderType(d: I.Domain): Ty {
  switch (d.k) {
    case "type":
      return d.ty;
    case "set":
      return d.elem;
    case "seq":
      return d.elem;
    default:
      return assertNever(d, "domain");
  }
}

/** A type with the ranges of its integers: `map<Account (0 .. 2), Amount (0 .. 11)>`. */
export function typeText(t: Ty): string {
  const named = (structure: string, name: string | undefined) => (name ? `${name} (${structure})` : structure);
  switch (t.k) {
    case "bool":
      return "bool";
    case "int":
      return named(intervalText(t), t.name);
    case "enum":
      return t.name;
    case "any":
      return "any";
    case "error":
      return "?";
    case "set":
      return named(`set<${typeText(t.elem)}>`, t.name);
    case "map":
      return named(`map<${typeText(t.key)}, ${typeText(t.val)}>`, t.name);
    case "rec":
      if (t.tuple) return named(`(${t.fields.map((f) => typeText(f.ty)).join(", ")})`, t.name);
      return named(`{ ${t.fields.map((f) => `${f.name}: ${typeText(f.ty)}`).join(", ")} }`, t.name);
    case "seq":
      return named(`seq<${typeText(t.elem)}, ${t.cap}>`, t.name);
    case "option":
      return named(`option<${typeText(t.elem)}>`, t.name);
    default:
      return assertNever(t, "type");
  }
}
