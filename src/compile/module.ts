// Assembles the generated module: initial state, defs, actions, successor enumeration, instance
// decoding, invariants and step properties. Loaded once with `new Function`; only slot numbers,
// numeric constants and the runtime's helpers appear in it.

import type * as I from "../ir/ir.js";
import { choiceCount } from "../ir/finite.js";
import { slotCount, stepOf, type Ty } from "../ir/types.js";
import type { Layout } from "../model/layout.js";
import type { ActionInfo } from "../model/model.js";
import { compileAction } from "./actions.js";
import { FnBuilder } from "./emitter.js";
import { compileScalar, compileSlots, lit, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";
import { compileLiveness } from "./liveness.js";
import { stepDefs } from "./step-defs.js";

function ctxFor(fn: FnBuilder, spec: I.Spec, layout: Layout, S: string, O: string, step?: Ctx["step"]): Ctx {
  return { fn, S, O, locals: new Map(), spec, layout, unroll: 256, ...(step ? { step } : {}) };
}

function compileInit(spec: I.Spec, layout: Layout): string {
  const fn = new FnBuilder();
  fn.line("d.fill(0);");
  const ctx = ctxFor(fn, spec, layout, "d", "");
  spec.vars.forEach((v, i) => {
    const raw = compileSlots(ctx, v.init);
    const slots = reshape(ctx, raw, v.init.ty, v.ty);
    const at = layout.vars[i].offset;
    slots.forEach((x, k) => fn.line(`d[${at + k}] = ${x};`));
  });
  return fn.finish("INIT(d)");
}

function compileDef(spec: I.Spec, layout: Layout, d: I.Def, k: number): string {
  const fn = new FnBuilder();
  const step = stepDefs(spec)[k];
  const ctx = ctxFor(fn, spec, layout, "S", "O", step ? { act: "act", args: "args" } : undefined);
  const params: string[] = step ? ["S", "O", "act", "args"] : ["S", "O"];
  d.params.forEach((p, i) => {
    const w = slotCount(p.ty);
    const names = Array.from({ length: w }, (_, j) => (w === 1 ? `a${i}` : `a${i}_${j}`));
    params.push(...names);
    ctx.locals.set(p.local, { slots: names });
  });
  fn.line(`return ${compileScalar(ctx, d.body)};`);
  return fn.finish(`D${k}(${params.join(", ")})`);
}

function compileProperty(spec: I.Spec, layout: Layout, p: I.Property, name: string, step: boolean): string {
  const fn = new FnBuilder();
  const ctx = step
    ? ctxFor(fn, spec, layout, "n", "o", { act: "act", args: "args" })
    : ctxFor(fn, spec, layout, "s", "");
  fn.line(`return ${compileScalar(ctx, p.expr)};`);
  return fn.finish(step ? `${name}(o, n, act, args)` : `${name}(s)`);
}

/** The generated copy: unrolled for narrow states, `set` for wide ones. */
function compileCopy(width: number): string {
  if (width > 48) return "function CP(d, s) {\n  d.set(s);\n}";
  const body = Array.from({ length: width }, (_, i) => `  d[${i}] = s[${i}];`).join("\n");
  return `function CP(d, s) {\n${body}\n}`;
}

/** A choice's first code and the step between its codes, in instance order (src/ir/finite.ts). */
function codes(ty: Ty): { lo: number; step: number } {
  return ty.k === "int" ? { lo: ty.lo, step: stepOf(ty) } : { lo: 0, step: 1 };
}

/** instance = first + sum over choices of ordinal * radix, the first choice varying slowest. */
function instanceExpr(a: ActionInfo): string {
  const terms: string[] = [];
  let radix = 1;
  for (let i = a.choices.length - 1; i >= 0; i--) {
    const ty = a.choices[i].ty;
    const { lo, step } = codes(ty);
    const rel0 = lo === 0 ? `c${i}` : `(c${i} - ${lit(lo)})`;
    const rel = step === 1 ? rel0 : `(${rel0} / ${step})`;
    terms.unshift(radix === 1 ? rel : `${rel} * ${radix}`);
    radix *= choiceCount(ty);
  }
  return [String(a.firstInstance), ...terms].join(" + ");
}

function compileExpand(actions: readonly ActionInfo[]): string {
  const fn = new FnBuilder();
  fn.line("let r = 0;");
  actions.forEach((a, k) => {
    const call = `A${k}(${["s", "d", ...a.choices.map((_, i) => `c${i}`)].join(", ")})`;
    const setArgs = a.choices.map((_, i) => `ARGS[${i}] = c${i};`).join(" ");
    const inst = instanceExpr(a);
    const body = () => {
      fn.line(`try { r = ${call}; } catch (e) { if (e !== FAIL) throw e; FIRED[${k}]++; ${setArgs} if (onFail(${inst})) return true; r = -1; }`);
      fn.line(`if (r === 1) { FIRED[${k}]++; ${setArgs} if (emit(${inst})) return true; } else if (r === 0) DIS[${k}]++;`);
    };
    const loops = (i: number): void => {
      if (i === a.choices.length) return body();
      const ty = a.choices[i].ty;
      const { lo, step } = codes(ty);
      const last = lo + (choiceCount(ty) - 1) * step;
      fn.block(`for (let c${i} = ${lit(lo)}; c${i} <= ${lit(last)}; c${i}${step === 1 ? "++" : ` += ${step}`})`, () => loops(i + 1));
    };
    loops(0);
  });
  fn.line("return false;");
  return fn.finish("expand(s, d, emit, onFail)");
}

/** DEC(inst): fills ARGS with the instance's choice codes and returns its action, or -1. */
function compileDecode(actions: readonly ActionInfo[]): string {
  const fn = new FnBuilder();
  fn.line("if (inst < 0) return -1;");
  actions.forEach((a, k) => {
    fn.block(`if (inst < ${a.firstInstance + a.instanceCount})`, () => {
      fn.line(`let x = inst - ${a.firstInstance};`);
      for (let i = a.choices.length - 1; i >= 0; i--) {
        const ty = a.choices[i].ty;
        const n = choiceCount(ty);
        const { lo, step } = codes(ty);
        fn.line(`ARGS[${i}] = ${lit(lo)} + ${step === 1 ? `(x % ${n})` : `(x % ${n}) * ${step}`};`);
        if (i > 0) fn.line(`x = (x / ${n}) | 0;`);
      }
      fn.line(`return ${k};`);
    });
  });
  fn.line("return -1;");
  return fn.finish("DEC(inst)");
}

function compileApply(actions: readonly ActionInfo[]): string {
  const fn = new FnBuilder();
  fn.line("const a = DEC(inst);");
  fn.line("let r = 0;");
  fn.block("try", () => {
    fn.block("switch (a)", () => {
      actions.forEach((act, k) => {
        fn.line(`case ${k}: r = A${k}(${["s", "d", ...act.choices.map((_, i) => `ARGS[${i}]`)].join(", ")}); break;`);
      });
      fn.line("default: return 0;");
    });
  });
  fn.line("catch (e) { if (e !== FAIL) throw e; FIRED[a]++; return -1; }");
  fn.line("if (r === 1) FIRED[a]++; else DIS[a]++;");
  fn.line("return r;");
  return fn.finish("apply(s, d, inst)");
}

function compileCheckAll(names: readonly string[], signature: string, call: (n: string) => string, prelude?: string): string {
  const fn = new FnBuilder();
  if (prelude) fn.line(prelude);
  fn.block("try", () => {
    names.forEach((n, k) => fn.line(`if (!${call(n)}) return ${k};`));
  });
  fn.line("catch (e) { if (e !== FAIL) throw e; return -2; }");
  fn.line("return -1;");
  return fn.finish(signature);
}

/** One property by index: 1 holds, 0 violated, -2 when evaluating it failed. */
function compileCheckOne(calls: readonly string[], signature: string, prelude?: string): string {
  const fn = new FnBuilder();
  if (prelude) fn.line(prelude);
  fn.block("try", () => {
    fn.block("switch (k)", () => calls.forEach((c, k) => fn.line(`case ${k}: return ${c} ? 1 : 0;`)));
  });
  fn.line("catch (e) { if (e !== FAIL) throw e; return -2; }");
  fn.line("return 1;");
  return fn.finish(signature);
}

export function generateModule(spec: I.Spec, layout: Layout, actions: readonly ActionInfo[]): string {
  const parts: string[] = [
    '"use strict";',
    "const { F, FAIL, fdiv, fmod, cdiv, pc, fr, NONE, FIRED, DIS, RH, RF, ARGS } = rt;",
    `const HC = [${spec.actions.map((a) => (a.hasCaller ? 1 : 0)).join(", ")}];`,
    compileCopy(layout.width),
    compileInit(spec, layout),
    ...spec.defs.map((d, k) => compileDef(spec, layout, d, k)),
    ...spec.actions.map((a, k) => compileAction(spec, layout, a, k)),
    ...spec.invariants.map((p, k) => compileProperty(spec, layout, p, `I${k}`, false)),
    ...spec.steps.map((p, k) => compileProperty(spec, layout, p, `P${k}`, true)),
    compileExpand(actions),
    compileDecode(actions),
    compileApply(actions),
    compileCheckAll(spec.invariants.map((_, k) => `I${k}`), "checkInvariants(s)", (n) => `${n}(s)`),
    compileCheckAll(spec.steps.map((_, k) => `P${k}`), "checkSteps(o, n, inst)", (p) => `${p}(o, n, act, ARGS)`, "const act = DEC(inst);"),
    compileCheckOne(spec.invariants.map((_, k) => `I${k}(s)`), "checkInvariant(k, s)"),
    compileCheckOne(spec.steps.map((_, k) => `P${k}(o, n, act, ARGS)`), "checkStep(k, o, n, inst)", "const act = DEC(inst);"),
    ...compileLiveness(spec, layout),
    "return { INIT, expand, apply, checkInvariants, checkSteps, checkInvariant, checkStep, checkLive, DEC };",
  ];
  return parts.join("\n\n");
}
