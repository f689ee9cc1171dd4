// The checker's entry point: runs the declaration phases in order and builds the IR when the spec
// has no errors. Every problem found is reported; none stops the others from being found.

import type * as A from "../lang/ast.js";
import { tooDeepNode } from "../lang/depth.js";
import { error, hasErrors, sortDiagnostics, type Diagnostic } from "../lang/diagnostic.js";
import { deepDiagnostic } from "../lang/parse.js";
import type { SourceFile } from "../lang/source.js";
import { closest } from "../lang/suggest.js";
import { EvalFailure, checkFits, evaluate } from "../ir/eval.js";
import { describeFailure } from "../ir/failure.js";
import type * as I from "../ir/ir.js";
import { ERR } from "../ir/types.js";
import { BUILTINS } from "./calls.js";
import { Checker, PROTO_RESERVED, Scope, type Global } from "./checker.js";
import { allConsts } from "./consts.js";
import { defClosure, defSignature, ensureDef, reportRecursion } from "./defs.js";
import { checkBool, checkExpr, coerce, describeTy, src } from "./expressions.js";
import { fits } from "./compat.js";
import { checkRounding } from "./fractions.js";
import { actionSignature, checkAction } from "./statements.js";
import { checkProcs, unusedProcs } from "./procs.js";
import { stepOnlyCalls } from "./step-defs.js";
import { declaredType, resolveType } from "./types.js";
import { checkSymmetry } from "./symmetry.js";
import { checkLiveness } from "./liveness.js";
import { addWarnings } from "./warnings.js";
import { checkConfusables } from "./confusables.js";
import { checkLimits } from "./limits.js";

export interface CheckOptions {
  /** `--const NAME=VALUE` overrides. */
  readonly consts?: ReadonlyMap<string, number | boolean> | Readonly<Record<string, number | boolean>>;
}

export interface CheckResult {
  /** Null when the spec has errors. */
  readonly spec: I.Spec | null;
  readonly diagnostics: Diagnostic[];
}

// A Map, not an object literal: a spec may name things `constructor` or `__proto__`.
const RESERVED = new Map<string, string>([
  ["well_typed", "the built-in property that every value stays within its type"],
  ["old", "the built-in `old(...)` of step properties"],
  ["caller", "the step's caller in step properties"],
  ["__proto__", PROTO_RESERVED],
]);

function collectGlobals(c: Checker, ast: A.Spec): void {
  let vars = 0;
  let defs = 0;
  let procs = 0;
  let actions = 0;
  const add = (name: A.Name, g: Global) => {
    const prev = c.globals.get(name.text);
    if (prev) {
      const at = prev.kind === "enumMember" ? prev.span : prev.decl.name.span;
      c.error(name.span, `\`${name.text}\` is already declared at line ${c.lineOf(at)}`, g.kind === "enumMember" || prev.kind === "enumMember" ? "enum members are global names, so they must differ from every other name" : undefined, [{ span: at, message: `\`${name.text}\` is first declared here` }]);
    } else if (RESERVED.get(name.text) !== undefined) {
      c.error(name.span, `\`${name.text}\` is reserved: it is ${RESERVED.get(name.text)}`, "choose another name");
    } else if (Object.prototype.hasOwnProperty.call(BUILTINS, name.text)) {
      c.error(name.span, `\`${name.text}\` is the name of a built-in function`, "choose another name");
    } else {
      c.globals.set(name.text, g);
      return;
    }
    // Rejected: no warning about it being unused on top of the error.
    if (g.kind !== "enumMember") c.rejected.add(g.decl);
  };
  for (const d of ast.decls) {
    switch (d.kind) {
      case "const":
        add(d.name, { kind: "const", decl: d });
        break;
      case "type":
        add(d.name, { kind: "type", decl: d });
        if (d.type.kind === "enum") {
          d.type.members.forEach((m, i) => add(m, { kind: "enumMember", span: m.span, enumName: d.name.text, ordinal: i }));
        }
        break;
      case "var":
        add(d.name, { kind: "var", decl: d, id: vars++ });
        c.varDecls.push(d);
        break;
      case "def":
        add(d.name, { kind: "def", decl: d, id: defs++ });
        c.defDecls.push(d);
        break;
      case "action":
        add(d.name, { kind: "action", decl: d, id: actions++ });
        c.actionDecls.push(d);
        break;
      case "proc":
        add(d.name, { kind: "proc", decl: d, id: procs++ });
        c.procDecls.push(d);
        break;
      case "invariant":
        add(d.name, { kind: "invariant", decl: d });
        break;
      case "step":
        add(d.name, { kind: "step", decl: d });
        break;
      case "liveness":
        add(d.name, { kind: "liveness", decl: d });
        break;
    }
  }
}

function checkOverrides(c: Checker, ast: A.Spec): void {
  const consts = [...c.globals].filter(([, g]) => g.kind === "const").map(([n]) => n);
  for (const [name, value] of c.constOverrides) {
    if (c.globals.get(name)?.kind === "const") continue;
    const guess = closest(name, consts);
    c.error(
      ast.name.span,
      `--const ${name}=${value}: spec \`${ast.name.text}\` has no const \`${name}\``,
      guess ? `did you mean \`${guess}\`?` : consts.length ? `its consts: ${consts.join(", ")}` : "it declares no consts",
    );
  }
}

function checkVarInit(c: Checker, decl: A.VarDecl, id: number, closure: { readsState: boolean[] }): I.Expr {
  const ty = c.varTypes[id];
  const before = c.diags.length;
  const callsBefore = c.pendingCalls.length;
  let init = checkExpr(c, decl.init, new Scope("init"), ty);
  for (const call of c.pendingCalls.slice(callsBefore)) {
    if (closure.readsState[call.def]) {
      c.error(call.span, `an initial value cannot read variables, and \`${c.defDecls[call.def].name.text}\` does`);
    }
  }
  if (c.diags.length > before || init.ty.k === "error" || ty.k === "error") return init;
  if (fits(init.ty, ty) === "no") {
    c.error(decl.init.span, `the initial value of \`${decl.name.text}\` must be ${describeTy(ty)}, but \`${src(c, decl.init.span)}\` is ${describeTy(init.ty)}`);
    return init;
  }
  init = coerce(init, ty);
  checkRounding(c, undefined, init, ty, decl.name.text);
  const site = c.site("range", decl.init.span, ty, `the initial value of \`${decl.name.text}\``);
  try {
    const v = evaluate({ defs: c.defBodies as I.Def[], sites: c.sites }, init, []);
    checkFits(site, ty, v);
  } catch (err) {
    if (!(err instanceof EvalFailure)) throw err;
    const s = c.sites[err.site];
    c.error(s.span, describeFailure(s, err.detail));
  }
  return init;
}

function checkProperty(c: Checker, d: A.InvariantDecl | A.StepDecl): I.Property {
  const sc = new Scope(d.kind === "invariant" ? "invariant" : "step");
  const expr = checkBool(c, d.expr, sc, d.kind === "invariant" ? "an invariant" : "a step property");
  return { name: d.name.text, expr, nLocals: sc.nLocals, span: d.span };
}

function withFairness(a: I.Action, d: A.ActionDecl): I.Action {
  return d.fairness ? { ...a, fairness: d.fairness.kind } : a;
}

function toMap(consts: CheckOptions["consts"]): Map<string, number | boolean> {
  if (!consts) return new Map();
  return consts instanceof Map ? new Map(consts) : new Map(Object.entries(consts));
}

/** Checks a parsed spec; builds its IR when there are no errors. Never throws on bad input. */
export function checkSpec(file: SourceFile, ast: A.Spec, options: CheckOptions = {}): CheckResult {
  // The checker recurses over the tree: refuse one too deep for the stack (parseSpec already
  // reports it; this covers trees built by other means).
  const deep = tooDeepNode(ast);
  if (deep) return { spec: null, diagnostics: [deepDiagnostic(file, deep)] };
  try {
    return checkTree(file, ast, options);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return { spec: null, diagnostics: [error(file, ast.name.span, "the spec nests too deeply to check", "split deeply nested expressions, for instance with `def`s")] };
  }
}

function checkTree(file: SourceFile, ast: A.Spec, options: CheckOptions): CheckResult {
  const c = new Checker(file, toMap(options.consts));
  collectGlobals(c, ast);
  checkOverrides(c, ast);
  const consts = allConsts(c);
  const types: { name: string; ty: I.Ty }[] = [];
  for (const d of ast.decls) if (d.kind === "type") types.push({ name: d.name.text, ty: declaredType(c, d) });

  c.varDecls.forEach((d, i) => (c.varTypes[i] = resolveType(c, d.type)));
  c.actionDecls.forEach((d, i) => (c.actionSigs[i] = actionSignature(c, d)));
  c.actionEnum = { k: "enum", name: "Action", members: c.actionDecls.map((d) => d.name.text), id: -1 };
  c.defDecls.forEach((d, i) => {
    c.defSigs[i] = defSignature(c, d);
    c.defFacts[i] = { readsState: false, usesOld: false, calls: new Set() };
    c.defBodies[i] = null;
  });
  c.defDecls.forEach((_, i) => ensureDef(c, i));
  reportRecursion(c);
  const closure = defClosure(c);

  const inits = c.varDecls.map((d, i) => checkVarInit(c, d, i, closure));
  checkProcs(c);
  const actions = c.actionDecls.map((d, i) => withFairness(checkAction(c, d, i), d));
  const invariants: I.Property[] = [];
  const steps: I.Property[] = [];
  const liveness: I.Liveness[] = [];
  for (const d of ast.decls) {
    if (d.kind === "invariant") invariants.push(checkProperty(c, d));
    if (d.kind === "step") steps.push(checkProperty(c, d));
    if (d.kind === "liveness") {
      const l = checkLiveness(c, d);
      if (l) liveness.push(l);
    }
  }
  stepOnlyCalls(c, closure);

  const spec: I.Spec = {
    name: ast.name.text,
    file,
    consts,
    vars: c.varDecls.map((d, i) => ({ name: d.name.text, ty: c.varTypes[i] ?? ERR, init: inits[i], ghost: d.ghost, span: d.span })),
    defs: c.defBodies.map((d, i) => d ?? { name: c.defDecls[i].name.text, params: [], ret: ERR, body: c.errExpr(c.defDecls[i].span), nLocals: 0, span: c.defDecls[i].span }),
    actions,
    invariants,
    steps,
    liveness,
    sites: c.sites,
    requires: c.requires,
    actionEnum: c.actionEnum,
    symmetric: c.symmetric,
    types,
  };
  const checked: I.Spec = { ...spec, symmetric: checkSymmetry(c, spec) };
  if (!hasErrors(c.diags)) checkLimits(c, checked);
  checkConfusables(c);
  addWarnings(c, ast, checked);
  unusedProcs(c);
  const diagnostics = sortDiagnostics(c.diags);
  return { spec: hasErrors(diagnostics) ? null : checked, diagnostics };
}
