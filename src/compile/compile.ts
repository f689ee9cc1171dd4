// Typed IR to an executable Model over flat Int32Array states.

import type * as I from "../ir/ir.js";
import { choiceCount, choiceOrdinal } from "../ir/finite.js";
import { decodeValue, encodeValue, layoutOf, setOwn, type Readable } from "../model/layout.js";
import type { ActionInfo, Coverage, Failure, Model } from "../model/model.js";
import { generateModule } from "./module.js";
import { makeRuntime } from "./runtime.js";

interface Generated {
  INIT(d: Int32Array): void;
  expand(s: Int32Array, d: Int32Array, emit: (i: number) => boolean, onFail: (i: number) => boolean): boolean;
  apply(s: Int32Array, d: Int32Array, inst: number): number;
  checkInvariants(s: Int32Array): number;
  checkSteps(o: Int32Array, n: Int32Array, inst: number): number;
  checkInvariant(k: number, s: Int32Array): number;
  checkStep(k: number, o: Int32Array, n: Int32Array, inst: number): number;
  checkLive(k: number, which: number, b: number, s: Int32Array): number;
  DEC(inst: number): number;
}

export function actionInfos(spec: I.Spec): ActionInfo[] {
  let first = 0;
  return spec.actions.map((a) => {
    const count = a.choices.reduce((n, c) => n * choiceCount(c.ty), 1);
    const info: ActionInfo = {
      name: a.name,
      choices: a.choices.map((c) => ({ kind: c.kind, name: c.name, ty: c.ty })),
      firstInstance: first,
      instanceCount: count,
    };
    first += count;
    return info;
  });
}

export function compileModel(spec: I.Spec): Model {
  const layout = layoutOf(spec);
  const actions = actionInfos(spec);
  const instanceCount = actions.reduce((n, a) => n + a.instanceCount, 0);
  const coverage: Coverage = {
    fired: new Float64Array(actions.length),
    disabled: new Float64Array(actions.length),
    requireHeld: new Float64Array(spec.requires.length),
    requireFailed: new Float64Array(spec.requires.length),
  };
  const failure: Failure = { site: -1, detail: "" };
  const maxChoices = Math.max(1, ...actions.map((a) => a.choices.length));
  const rt = makeRuntime(failure, coverage, maxChoices);
  const source = generateModule(spec, layout, actions);
  const gen = new Function("rt", source)(rt) as Generated;

  const model: Model = {
    spec,
    layout,
    width: layout.width,
    vars: layout.vars,
    actions,
    instanceCount,
    coverage,
    failure,
    source,
    init: (out) => gen.INIT(out),
    expand: gen.expand,
    apply: gen.apply,
    checkInvariants: gen.checkInvariants,
    checkSteps: gen.checkSteps,
    checkInvariant: gen.checkInvariant,
    checkStep: gen.checkStep,
    checkLive: gen.checkLive,
    args: () => rt.ARGS,
    decodeInstance(inst) {
      const a = gen.DEC(inst);
      if (a < 0) throw new RangeError(`no action instance ${inst}`);
      return { action: a, args: Array.from(rt.ARGS.subarray(0, actions[a].choices.length)) };
    },
    encodeInstance(action, args) {
      const a = actions[action];
      if (!a || args.length !== a.choices.length) return -1;
      let inst = 0;
      for (let i = 0; i < a.choices.length; i++) {
        const ty = a.choices[i].ty;
        const ord = choiceOrdinal(ty, args[i]);
        if (ord < 0) return -1;
        inst = inst * choiceCount(ty) + ord;
      }
      return a.firstInstance + inst;
    },
    decode(s) {
      const out: Record<string, Readable> = {};
      for (const v of layout.vars) setOwn(out, v.name, decodeValue(v.ty, s, v.offset));
      return out;
    },
    encode(values) {
      const state = new Int32Array(layout.width);
      const errors: string[] = [];
      for (const v of layout.vars) {
        if (!Object.hasOwn(values, v.name)) {
          errors.push(`${v.name}: missing`);
          continue;
        }
        const err = encodeValue(v.ty, values[v.name], state, v.offset, v.name);
        if (err) errors.push(err);
      }
      for (const k of Object.keys(values)) if (!layout.vars.some((v) => v.name === k)) errors.push(`${k}: not a variable of this spec`);
      return errors.length ? { errors } : { state };
    },
    resetCoverage() {
      coverage.fired.fill(0);
      coverage.disabled.fill(0);
      coverage.requireHeld.fill(0);
      coverage.requireFailed.fill(0);
    },
  };
  return model;
}
