// The generated module, as a list of top-level items in a fixed order: header, constants, types,
// State, Action, WellTypedError, the initial state, step (and one function per action), the action
// enumerations, defs, invariants, step properties, then the helpers it uses. Everything is derived
// from the IR in declaration order, so the output changes only when the spec does.

import type * as A from "../../lang/ast.js";
import { evaluate } from "../../ir/eval.js";
import { describeFailure } from "../../ir/failure.js";
import type * as I from "../../ir/ir.js";
import { subexpressions } from "../../ir/walk.js";
import { cardinality, stepOf, type ScalarTy, type Ty } from "../../ir/types.js";
import { ActionCompiler } from "./actions.js";
import { docOf, fileHeader } from "./docs.js";
import { ExprCompiler, type ModuleCtx, type Scope } from "./expr.js";
import { HELPER_NAMES, helper, helperClosure } from "./helpers.js";
import { MODULE_NAMES, NameTable, choiceFields, propKey, propRead } from "./names.js";
import { TsTypes } from "./types.js";
import { commentLines, jsString } from "./escape.js";

export interface Param {
  readonly name: string;
  readonly type: string;
}

export type Item =
  | { readonly k: "comment"; readonly lines: readonly string[] }
  | { readonly k: "type"; readonly name: string; readonly type: string; readonly docs?: string; readonly exported: boolean }
  | {
      readonly k: "interface";
      readonly name: string;
      readonly props: readonly { readonly name: string; readonly type: string; readonly docs?: string }[];
      readonly docs?: string;
    }
  | { readonly k: "const"; readonly name: string; readonly type?: string; readonly init: string; readonly docs?: string; readonly exported: boolean }
  | {
      readonly k: "function";
      readonly name: string;
      readonly params: readonly Param[];
      readonly returns: string;
      readonly body: readonly string[];
      readonly docs?: string;
      readonly exported: boolean;
    }
  | { readonly k: "raw"; readonly text: string; readonly docs?: string };

export interface ModuleOptions {
  /** The spec's path as the user named it (shown in the header and in failure messages). */
  readonly specPath: string;
  /** The command that regenerates the file, shown in the header. */
  readonly command?: string;
  /** `--const` overrides in effect. */
  readonly consts?: Readonly<Record<string, number | boolean>>;
}

/** Flags of what a def needs passed in: the state, the old state (step properties), the step. */
function defNeeds(spec: I.Spec): { state: boolean; old: boolean; action: boolean }[] {
  const memo = new Map<number, { state: boolean; old: boolean; action: boolean }>();
  const visit = (k: number, seen: Set<number>): { state: boolean; old: boolean; action: boolean } => {
    const done = memo.get(k);
    if (done) return done;
    const r = { state: false, old: false, action: false };
    if (seen.has(k)) return r;
    seen.add(k);
    const walk = (e: I.Expr): void => {
      switch (e.k) {
        case "var":
          r.state = true;
          break;
        case "old":
          r.old = true;
          break;
        case "action":
        case "caller":
        case "stepParam":
          r.action = true;
          break;
        case "call": {
          const f = visit(e.def, seen);
          r.state ||= f.state;
          r.old ||= f.old;
          r.action ||= f.action;
          break;
        }
      }
      for (const c of subexpressions(e)) walk(c);
    };
    walk(spec.defs[k].body);
    memo.set(k, r);
    return r;
  };
  return spec.defs.map((_, k) => visit(k, new Set()));
}


function declDocs(ast: A.Spec | null, kind: A.Decl["kind"], file: I.Spec["file"]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const d of ast?.decls ?? []) if (d.kind === kind) out.set(d.name.text, docOf(file, d.span));
  return out;
}

function join(...parts: (string | undefined)[]): string | undefined {
  const xs = parts.filter((p): p is string => p !== undefined && p !== "");
  return xs.length ? xs.join("\n\n") : undefined;
}

/** Builds the module's items for a checked spec (its AST supplies the docs of consts and types). */
export function buildModule(spec: I.Spec, ast: A.Spec | null, options: ModuleOptions): Item[] {
  const file = spec.file;
  const module = new NameTable([...MODULE_NAMES, ...HELPER_NAMES, "callerOf"]);
  const typeAlias = new Map<string, string>();
  for (const t of spec.types) typeAlias.set(t.name, module.fresh(t.name));
  const types = new TsTypes(spec, (n) => typeAlias.get(n)!);
  const constNames = spec.consts.map((c) => module.fresh(c.name));
  const needs = defNeeds(spec);
  const defNames = spec.defs.map((d) => module.fresh(d.name));
  const invNames = spec.invariants.map((p) => module.fresh(p.name));
  const stepNames = spec.steps.map((p) => module.fresh(p.name));
  const actNames = spec.actions.map((a) => module.fresh(a.name));

  const used = new Set<string>();
  const sites = new Set<number>();
  const ctx: ModuleCtx = {
    spec,
    types,
    use: (h) => void used.add(h),
    site: (s) => (sites.add(s), s),
    def: (k) => ({ name: defNames[k], ...needs[k] }),
  };
  const x = new ExprCompiler(ctx);
  const items: Item[] = [];

  // ---- header ----
  const constText = spec.consts.map((c) => `${c.name} = ${String(c.value)}`).join(", ");
  const header = [
    `Generated by \`stakecheck codegen\` from ${options.specPath} (spec ${spec.name}). Do not edit: regenerate with`,
    `  ${options.command ?? `stakecheck codegen ${options.specPath}`}`,
  ];
  if (constText) header.push(`Constants: ${constText}.`);
  const top = fileHeader(file);
  items.push({ k: "comment", lines: top.length ? [...header, "", ...top] : header });

  // ---- constants ----
  const constDocs = declDocs(ast, "const", file);
  spec.consts.forEach((c, i) => {
    const overridden = options.consts && c.name in options.consts ? `Set with --const ${c.name}=${String(c.value)}.` : undefined;
    items.push({ k: "const", name: constNames[i], init: String(c.value), docs: join(constDocs.get(c.name), overridden), exported: true });
  });

  // ---- types ----
  const typeDocs = declDocs(ast, "type", file);
  const typeSource = new Map<string, string>();
  for (const d of ast?.decls ?? []) if (d.kind === "type") typeSource.set(d.name.text, file.slice(d.type.span).replace(/\s+/g, " "));
  for (const t of spec.types) {
    const name = typeAlias.get(t.name)!;
    const src = typeSource.get(t.name);
    const shownSrc = src && t.ty.k !== "enum" && t.ty.k !== "rec" ? `\`${t.name} = ${src}\` in the spec.` : undefined;
    items.push({ k: "type", name, type: types.structural(t.ty), docs: join(typeDocs.get(t.name), shownSrc), exported: true });
    if (t.ty.k === "int" || t.ty.k === "enum" || t.ty.k === "bool") {
      const wide = t.ty.k === "int" && types.isWideInt(t.ty);
      const init = wide && t.ty.k === "int" ? types.domainOf(t.ty, (h) => ctx.use(h)) : arrayLiteral(types, t.ty);
      items.push({ k: "const", name, type: `readonly ${name}[]`, init, docs: `Every value of \`${name}\`, in order.`, exported: true });
    }
  }
  const typesEnd = items.length;

  // ---- State ----
  items.push({
    k: "interface",
    name: "State",
    docs: "A state of the spec: one field per variable.",
    props: spec.vars.map((v) => ({
      name: propKey(v.name),
      type: types.decl(v.ty),
      docs: join(docOf(file, v.span), v.ghost ? "Ghost: bookkeeping for the spec's properties, not part of an implementation." : undefined),
    })),
  });

  // ---- Action ----
  const actionDocs = spec.actions.map((a) => docOf(file, a.span));
  const members = spec.actions.map((a, k) => {
    const fields = choiceFields(a);
    const parts = [`readonly action: ${jsString(a.name)}`, ...a.choices.map((c, i) => `readonly ${propKey(fields[i])}: ${types.decl(c.ty)}`)];
    const doc = actionDocs[k];
    const comment = doc ? `${commentLines(doc).map((l) => `// ${l}`.trimEnd()).join("\n")}\n` : "";
    return `${comment}| { ${parts.join("; ")} }`;
  });
  items.push({
    k: "type",
    name: "Action",
    type: members.length ? `\n${members.join("\n")}` : "never",
    docs: "An action instance: the action's name and a value for each of its choices (caller, parameters, picks).",
    exported: true,
  });
  items.push({ k: "type", name: "ActionName", type: `Action["action"]`, docs: "The names of the spec's actions.", exported: true });
  items.push({
    k: "type",
    name: "ActionOf<N extends ActionName>",
    type: "Extract<Action, { readonly action: N }>",
    docs: "The instances of one action.",
    exported: true,
  });

  // ---- WellTypedError ----
  items.push({
    k: "raw",
    docs:
      "A violation of the spec's built-in `well_typed` property: a value outside its type, a division by zero, a\n" +
      "map key outside its key type, a full or empty queue. `site` numbers the check in the spec.",
    text: `export class WellTypedError extends Error {
  readonly site: number;
  readonly detail: string;
  constructor(site: number, detail: string) {
    const text = SITES[site];
    super(text === undefined ? \`well_typed check \${site} failed: \${detail}\` : \`\${text[0]}\${detail}\${text[1]}\`);
    this.name = "WellTypedError";
    this.site = site;
    this.detail = detail;
  }
}`,
  });

  // ---- initial state ----
  const env = { defs: spec.defs, sites: spec.sites };
  const init = spec.vars.map((v) => `  ${propKey(v.name)}: ${types.literal(v.ty, evaluate(env, v.init, []))},`);
  items.push({ k: "const", name: "initialState", type: "State", init: `{\n${init.join("\n")}\n}`, docs: "The initial state.", exported: true });

  // ---- step ----
  const ac = new ActionCompiler(ctx, module);
  const actionFns = spec.actions.map((a, k) => ac.compile(a, actNames[k]));
  items.push({
    k: "function",
    name: "step",
    params: [
      { name: spec.actions.length ? "state" : "_state", type: "State" },
      { name: spec.actions.length ? "action" : "_action", type: "Action" },
    ],
    returns: "State | null",
    body: spec.actions.length
      ? ["switch (action.action) {", ...spec.actions.flatMap((a, k) => [`  case ${jsString(a.name)}:`, `    return ${actNames[k]}(state, action);`]), "}"]
      : ["return null;"],
    docs:
      "The state after `action` in `state`, or null when the action is not enabled there (a `require` or\n" +
      "`pick ... where` condition is false). Pure: `state` is not modified. Throws a WellTypedError\n" +
      "when the step fails a `well_typed` check.",
    exported: true,
  });
  spec.actions.forEach((a, k) => {
    const f = actionFns[k];
    items.push({ k: "function", name: f.name, params: f.params, returns: f.returns, body: f.body, docs: join(actionDocs[k], `\`${actionSignature(file, a)}\``), exported: false });
  });

  // ---- enumerations ----
  const loops: string[] = ["const out: Action[] = [];"];
  spec.actions.forEach((a) => {
    const names = module.child();
    names.take(["out"]);
    const fields = choiceFields(a);
    const vars = a.choices.map((c) => names.fresh(c.name));
    const heads = a.choices.map((c, i) => `for (const ${vars[i]} of ${types.domain(c.ty, (h) => ctx.use(h))}) `).join("");
    const obj = [`action: ${jsString(a.name)}`, ...fields.map((f, i) => (f === vars[i] ? f : `${propKey(f)}: ${vars[i]}`))].join(", ");
    loops.push(`${heads}out.push({ ${obj} });`);
  });
  loops.push("return out;");
  items.push({
    k: "function",
    name: "allActions",
    params: [],
    returns: "Action[]",
    body: loops,
    docs: "Every action instance, in stakecheck's instance order (the numbering its counterexamples use).",
    exported: true,
  });
  items.push({
    k: "function",
    name: "enabledActions",
    params: [{ name: "state", type: "State" }],
    returns: "Action[]",
    body: [
      "return allActions().filter((action) => {",
      "  try {",
      "    return step(state, action) !== null;",
      "  } catch (e) {",
      "    if (e instanceof WellTypedError) return true;",
      "    throw e;",
      "  }",
      "});",
    ],
    docs: "The action instances enabled in `state`, in instance order. Stepping one may still throw a WellTypedError.",
    exported: true,
  });

  // ---- defs ----
  spec.defs.forEach((d, k) => {
    const names = module.child();
    const n = needs[k];
    const stateP = names.fresh("state");
    const oldP = names.fresh("old");
    const actionP = names.fresh("action");
    const sc: Scope = { state: stateP, old: oldP, action: actionP, locals: new Map(), names, uses: { state: false, old: false, action: false } };
    const params: Param[] = [];
    const userParams = d.params.map((p) => {
      const name = names.fresh(p.name);
      sc.locals.set(p.local, { text: name, prec: 20, ts: types.decl(p.ty) });
      return { name, type: types.decl(p.ty) };
    });
    const body = x.compile(d.body, sc);
    if (n.state) params.push({ name: sc.uses.state ? stateP : `_${stateP}`, type: "State" });
    if (n.old) params.push({ name: sc.uses.old ? oldP : `_${oldP}`, type: "State" });
    if (n.action) params.push({ name: sc.uses.action ? actionP : `_${actionP}`, type: "Action" });
    params.push(...userParams);
    items.push({
      k: "function",
      name: defNames[k],
      params,
      returns: types.value(d.ret),
      body: [`return ${body.text};`],
      docs: join(docOf(file, d.span), `\`${defSignature(file, d)}\``),
      exported: true,
    });
  });

  // ---- invariants ----
  spec.invariants.forEach((p, k) => {
    const sc = scope(module, false);
    const body = x.compile(p.expr, sc);
    items.push({
      k: "function",
      name: invNames[k],
      params: [{ name: sc.uses.state ? sc.state : `_${sc.state}`, type: "State" }],
      returns: "boolean",
      body: [`return ${body.text};`],
      docs: join(docOf(file, p.span), `Invariant \`${p.name}\`.`),
      exported: true,
    });
  });
  items.push({
    k: "const",
    name: "invariants",
    type: "Readonly<Record<string, (state: State) => boolean>>",
    init: table(spec.invariants.map((p, k) => [p.name, invNames[k]])),
    docs: "The invariants, by name, in the spec's order.",
    exported: true,
  });
  items.push({
    k: "function",
    name: "checkInvariants",
    params: [{ name: "state", type: "State" }],
    returns: "string | null",
    body: ["for (const [name, holds] of Object.entries(invariants)) if (!holds(state)) return name;", "return null;"],
    docs: "The name of the first invariant that is false in `state`, or null when all hold.",
    exported: true,
  });

  // ---- step properties ----
  spec.steps.forEach((p, k) => {
    const sc = scope(module, true);
    const body = x.compile(p.expr, sc);
    items.push({
      k: "function",
      name: stepNames[k],
      params: [
        { name: sc.uses.old ? sc.old! : `_${sc.old}`, type: "State" },
        { name: sc.uses.state ? sc.state : `_${sc.state}`, type: "State" },
        { name: sc.uses.action ? sc.action! : `_${sc.action}`, type: "Action" },
      ],
      returns: "boolean",
      body: [`return ${body.text};`],
      docs: join(docOf(file, p.span), `Step property \`${p.name}\`: holds for the step from \`old\` to \`state\` taken by \`action\`.`),
      exported: true,
    });
  });
  items.push({
    k: "const",
    name: "stepProperties",
    type: "Readonly<Record<string, (old: State, state: State, action: Action) => boolean>>",
    init: table(spec.steps.map((p, k) => [p.name, stepNames[k]])),
    docs: "The step properties, by name, in the spec's order.",
    exported: true,
  });
  items.push({
    k: "function",
    name: "checkStepProperties",
    params: [
      { name: "old", type: "State" },
      { name: "state", type: "State" },
      { name: "action", type: "Action" },
    ],
    returns: "string | null",
    body: ["for (const [name, holds] of Object.entries(stepProperties)) if (!holds(old, state, action)) return name;", "return null;"],
    docs: "The name of the first step property that is false for the step `old` -> `state` by `action`, or null.",
    exported: true,
  });

  // ---- runtime ----
  items.push({ k: "comment", lines: ["---- runtime: the helpers the code above uses ----"] });
  if (used.has("callerOf")) items.push(callerOf(spec, types));
  used.delete("callerOf");
  const helpers = helperClosure(used);
  const siteEntries = [...sites].sort((a, b) => a - b).map((s) => `  ${s}: ${jsString(siteText(spec, s, options.specPath))},`);
  items.push({
    k: "const",
    name: "SITES",
    type: "Readonly<Record<number, readonly [string, string]>>",
    init: siteEntries.length ? `{\n${siteEntries.join("\n")}\n}` : "{}",
    docs: "The message of each `well_typed` check this module makes: the text before and after the detail.",
    exported: false,
  });
  const texts = helpers.map((h) => helper(h).text);
  // The value types the module mentions, declared after the spec's own types.
  const all = JSON.stringify(items) + texts.join("\n");
  const valueTypes: Item[] = [];
  if (/\bFraction\b/.test(all)) {
    valueTypes.push({ k: "raw", docs: "A number of a fraction type that is not whole, in lowest terms (`den` > 1); whole values are plain numbers.", text: "export interface Fraction {\n  readonly num: number;\n  readonly den: number;\n}" });
  }
  if (/\bOption</.test(all)) {
    valueTypes.push({ k: "type", name: "Option<T>", type: `{ readonly tag: "None" } | { readonly tag: "Some"; readonly value: T }`, docs: "A value of `option<T>`: `none`, or `some(value)`.", exported: true });
  }
  items.splice(typesEnd, 0, ...valueTypes);
  if (texts.some((t) => /\bScalar\b/.test(t))) {
    items.push({ k: "type", name: "Scalar", type: "number | boolean | string", docs: "A value of a scalar type (int, bool, enum member).", exported: false });
  }
  if (texts.some((t) => /\bORDINAL\b/.test(t))) {
    const ordinals = spec.types.flatMap((t) => (t.ty.k === "enum" ? t.ty.members.map((m, i) => `${propKey(jsString(m))}: ${i}`) : []));
    items.push({
      k: "const",
      name: "ORDINAL",
      type: "Readonly<Record<string, number>>",
      init: ordinals.length ? `{ ${ordinals.join(", ")} }` : "{}",
      docs: "Each enum member's position in its enum (enum members are global names in the spec).",
      exported: false,
    });
  }
  for (const h of helpers) items.push({ k: "raw", text: helper(h).text, docs: helper(h).doc });
  return items;
}

function scope(module: NameTable, step: boolean): Scope {
  const names = module.child();
  const state = names.fresh("state");
  const old = step ? names.fresh("old") : null;
  const action = step ? names.fresh("action") : null;
  return { state, old, action, locals: new Map(), names, uses: { state: false, old: false, action: false } };
}

function arrayLiteral(types: TsTypes, ty: Ty): string {
  const s = ty as ScalarTy;
  const n = s.k === "bool" ? 2 : s.k === "enum" ? s.members.length : s.k === "int" ? cardinality(s) : 0;
  const lo = s.k === "int" ? s.lo : 0;
  return `[${Array.from({ length: n }, (_, i) => types.scalar(ty, lo + i * (s.k === "int" ? stepOf(s) : 1))).join(", ")}]`;
}

function table(entries: readonly [string, string][]): string {
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => (k === v ? `  ${k},` : `  ${propKey(k)}: ${v},`)).join("\n")}\n}`;
}

function callerOf(spec: I.Spec, types: TsTypes): Item {
  const groups = new Map<string, string[]>();
  const tys = new Set<string>();
  for (const a of spec.actions) {
    if (!a.hasCaller) continue;
    const field = choiceFields(a)[0];
    groups.set(field, [...(groups.get(field) ?? []), a.name]);
    tys.add(types.decl(a.choices[0].ty));
  }
  const body = ["switch (action.action) {"];
  for (const [field, names] of groups) {
    for (const n of names) body.push(`  case ${jsString(n)}:`);
    body.push(`    return ${propRead("action", field)};`);
  }
  body.push("  default:", "    return undefined;", "}");
  return {
    k: "function",
    name: "callerOf",
    params: [{ name: "action", type: "Action" }],
    returns: `${[...tys].join(" | ") || "never"} | undefined`,
    body,
    docs: "The caller of the step's action, or undefined when the action has none.",
    exported: false,
  };
}

/** `[before, after]` the detail in the failure message of `site`. */
function siteText(spec: I.Spec, k: number, path: string): [string, string] {
  const site = spec.sites[k];
  const { line, col } = spec.file.position(site.span.start);
  const where = `${path}:${line}:${col}: `;
  if (site.kind === "pop-empty" || site.kind === "head-empty" || site.kind === "absent" || site.kind === "get-none") return [where + describeFailure(site, ""), ""];
  const mark = "\u0000";
  const [before, after] = describeFailure(site, mark).split(mark);
  return [where + before, after ?? ""];
}

function actionSignature(file: I.Spec["file"], a: I.Action): string {
  const text = file.slice(a.span);
  const brace = text.indexOf("{");
  return (brace >= 0 ? text.slice(0, brace) : text).replace(/\s+/g, " ").trim();
}

function defSignature(file: I.Spec["file"], d: I.Def): string {
  return file.slice(d.span).replace(/\s+/g, " ").trim();
}
