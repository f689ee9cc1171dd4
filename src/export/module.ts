// The exported module and its TLC configuration, assembled in the order TLA+ needs (an operator is
// defined before it is used): constants, enum members and types, variables, helpers, defs, Init,
// actions, Next, fairness, the properties.

import type * as I from "../ir/ir.js";
import { actionOperators, instance, nextOperator } from "./actions.js";
import { defOperator } from "./calls.js";
import type { Helper, ModuleCtx } from "./context.js";
import { specFacts } from "./facts.js";
import { header, type HeaderInfo } from "./header.js";
import { helperText } from "./helpers.js";
import { fairness, livenessOperator } from "./liveness.js";
import { Names, Scope, commentText, type Renaming } from "./names.js";
import { definition } from "./print.js";
import { initOperator, invariantOperator, rootCtx, stepOperators, typeOk, wellTypedOperator, type PropertyOut } from "./properties.js";
import { and, bin, id, isFalse, num, str, type T } from "./tla.js";
import { apalacheType, typeSet } from "./types.js";
import { moduleScale } from "./scale.js";
import { checkExportable } from "./unsupported.js";

/** One thing the configuration can check, and the stakecheck property it stands for. */
export interface TlaCheck {
  readonly kind: "INVARIANT" | "PROPERTY";
  readonly name: string;
  /** The stakecheck property: `invariant:NAME`, `step:NAME`, `liveness:NAME`, `well_typed`, or null (TypeOK). */
  readonly property: string | null;
}

export interface TlaExport {
  /** The module's name (and the files' base name). */
  readonly name: string;
  readonly tla: string;
  readonly cfg: string;
  readonly checks: readonly TlaCheck[];
  readonly renamings: readonly Renaming[];
  /** The constants and their values. */
  readonly constants: readonly (readonly [string, number | boolean])[];
}

const FIXED = ["vars", "Init", "Next", "Spec", "Fairness", "TypeOK", "WellTyped", "ConstInit"];
const HELPERS: readonly Helper[] = ["FloorDiv", "FloorMod", "div_up", "mul_div", "mul_div_up", "Min", "Max", "Abs", "SetMin", "SetMax", "Range", "BSeq", "RemoveAt"];

export function exportModule(spec: I.Spec, info: HeaderInfo): TlaExport {
  const scale = moduleScale(spec);
  checkExportable(spec, scale);
  const names = new Names();
  const moduleName = names.global(spec.name, "spec (module name)");
  names.reserve(...FIXED, ...HELPERS);
  const consts = spec.consts.map((c) => [names.global(c.name, "const"), c.value] as const);
  const enumMembers = new Map<number, string[]>();
  const enumSets = new Map<number, string>();
  const types = new Map<string, { op: string; ty: I.Ty }>();
  const typeText: string[] = [];
  for (const t of spec.types) {
    if (t.ty.k === "enum" && !enumMembers.has(t.ty.id)) enumMembers.set(t.ty.id, t.ty.members.map((mb) => names.global(mb, `member of ${t.name}`)));
  }
  for (const t of spec.types) {
    const op = names.global(t.name, "type");
    types.set(t.name, { op, ty: t.ty });
    if (t.ty.k === "enum" && !enumSets.has(t.ty.id)) enumSets.set(t.ty.id, op);
  }
  const vars = spec.vars.map((v) => names.global(v.name, "variable"));
  const defs = spec.defs.map((d) => names.global(d.name, "def"));
  const actions = spec.actions.map((a) => names.global(a.name, "action"));
  enumMembers.set(-1, actions);
  const invariants = spec.invariants.map((p) => names.global(p.name, "invariant"));
  const steps = spec.steps.map((p) => names.global(p.name, "step property"));
  const liveness = (spec.liveness ?? []).map((l) => names.global(l.name, "liveness property"));
  const facts = specFacts(spec);
  const m: ModuleCtx = { spec, names, vars, defs, defFails: defs.map(() => null), stepDefs: facts.stepDefs, defReads: facts.reads, actions, enumMembers, enumSets, types, helpers: new Set(), scale };

  // Types: enum members first (the types use them), then every named type.
  for (const [eid, members] of enumMembers) {
    if (eid === -1) continue;
    for (const mb of members) typeText.push(definition(mb, [], str(mb)));
  }
  for (const t of spec.types) typeText.push(definition(types.get(t.name)!.op, [], typeSet(m, t.ty, true)));

  const defText: string[] = [];
  for (const k of facts.defOrder) {
    if (facts.stepDefs[k]) continue;
    const ctx = rootCtx(m);
    const { params, body } = defOperator(ctx, spec.defs[k]);
    defText.push(`\\* def ${commentText(spec.defs[k].name)}`, definition(defs[k], params, body.v));
    if (!isFalse(body.f)) {
      const f = names.derived(`${defs[k]}_fails`);
      m.defFails[k] = f;
      defText.push(definition(f, params, body.f));
    }
  }

  const actionText: string[] = [];
  const wellTyped: (readonly [T, string])[] = [];
  spec.actions.forEach((_, k) => {
    const out = actionOperators(m, k);
    actionText.push(out.text);
    if (out.fails) wellTyped.push(wellTypedAction(m, k, out.fails));
  });

  const props: PropertyOut[] = [];
  const checks: TlaCheck[] = [{ kind: "INVARIANT", name: "TypeOK", property: null }, { kind: "INVARIANT", name: "WellTyped", property: "well_typed" }];
  spec.invariants.forEach((p, k) => {
    const out = invariantOperator(m, p, invariants[k]);
    props.push(out);
    checks.push({ kind: "INVARIANT", name: invariants[k], property: `invariant:${p.name}` });
  });
  spec.steps.forEach((p, k) => {
    const out = stepOperators(m, p, steps[k]);
    props.push(out);
    checks.push({ kind: "PROPERTY", name: steps[k], property: `step:${p.name}` });
    for (const inv of out.invariants) checks.push({ kind: "INVARIANT", name: inv, property: `step:${p.name}` });
  });
  (spec.liveness ?? []).forEach((l, k) => {
    const out = livenessOperator(m, l, liveness[k]);
    props.push(out);
    checks.push({ kind: "PROPERTY", name: liveness[k], property: `liveness:${l.name}` });
  });
  for (const p of props) wellTyped.push(...p.wellTyped);

  const init = initOperator(m);
  const next = nextOperator(m);
  const fair = fairness(m);
  const tOk = typeOk(m);
  const wt = wellTypedOperator(wellTyped);

  const out: string[] = [];
  const dashes = "-".repeat(Math.max(4, 28 - Math.ceil(moduleName.length / 2)));
  out.push(`${dashes} MODULE ${moduleName} ${dashes}`);
  out.push(...header(info, moduleName, checks, consts, scale));
  out.push("EXTENDS Integers, Sequences, FiniteSets", "");
  const helpers = HELPERS.filter((h) => m.helpers.has(h));
  if (helpers.length) out.push(...helpers.map(helperText), "");
  if (names.renamings.length) {
    out.push("\\* Names of the spec renamed here (not valid TLA+ names, or taken by TLA+ or by this module):");
    for (const r of names.renamings) out.push(`\\*   ${r.what} ${commentText(r.from, 80)} -> ${r.to}`);
    out.push("");
  }
  if (consts.length) {
    out.push("\\* The export is specialised to these values (types, sums and loops are written out for them);", "\\* the ASSUME fails if the .cfg gives others: export again with --const to change one.");
    for (const [n, v] of consts) out.push(`\\* @type: ${typeof v === "boolean" ? "Bool" : "Int"};`, `CONSTANT ${n}`);
    const eqs = consts.map(([n, v]) => bin("=", id(n), typeof v === "boolean" ? { k: "bool", v } : num(v)));
    out.push(definition("ConstInit", [], and(...eqs)), "ASSUME ConstInit", "");
  }
  if (typeText.length) out.push(...typeText, "");
  for (let v = 0; v < vars.length; v++) out.push(`\\* @type: ${apalacheType(m, spec.vars[v].ty)};`, `VARIABLE ${vars[v]}`);
  out.push(definition("vars", [], { k: "tuple", items: vars.map(id) }), "");
  if (defText.length) out.push(...defText, "");
  out.push(definition("Init", [], init), "");
  out.push(...actionText.flatMap((t) => [t, ""]));
  out.push(definition("Next", [], next), "");
  out.push("\\* fair actions: weakly (WF) or strongly (SF) fair per instance of their parameters", definition("Fairness", [], fair), "");
  out.push(definition("Spec", [], { k: "junc", op: "/\\", items: [id("Init"), { k: "sub", op: "[]", a: id("Next"), v: id("vars") }, id("Fairness")] }), "");
  out.push("\\* every variable stays within its type (it holds by construction: see WellTyped)", definition("TypeOK", [], tOk), "");
  out.push(
    "\\* stakecheck's well_typed: no action instance fails a check (a value outside its type, a division",
    "\\* by zero, ...) before its requires disable it, and no property fails to evaluate",
    definition("WellTyped", [], wt),
    "",
  );
  for (const p of props) out.push(p.text, "");
  out.push("=".repeat(dashes.length * 2 + moduleName.length + 9), "");
  const tla = out.join("\n");
  return { name: moduleName, tla, cfg: renderCfg(info, moduleName, consts, checks), checks, renamings: names.renamings, constants: consts };
}


function wellTypedAction(m: ModuleCtx, k: number, fails: string): readonly [T, string] {
  const { binds, call } = instance(m, k, new Scope(m.names));
  const notFails: T = { k: "not", e: call.k === "app" ? { k: "app", op: fails, args: call.args } : id(fails) };
  return [binds.length ? { k: "quant", q: "\\A", binds, body: notFails } : notFails, `action ${commentText(m.spec.actions[k].name)}`];
}

/** The TLC configuration checking `checks` (all of the export's by default). */
export function renderCfg(info: HeaderInfo, name: string, consts: readonly (readonly [string, number | boolean])[], checks: readonly TlaCheck[]): string {
  const out = [`\\* TLC configuration for ${name}.tla, generated by stakecheck ${info.version} from ${commentText(info.specPath, 120)}`];
  if (consts.length) {
    out.push("CONSTANTS");
    for (const [n, v] of consts) out.push(`  ${n} = ${typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v}`);
  }
  out.push("SPECIFICATION Spec");
  for (const c of checks) out.push(`${c.kind} ${c.name}`);
  return out.join("\n") + "\n";
}

