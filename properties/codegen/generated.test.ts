// Every spec's generated module type-checks under the strictest compiler settings, and its `step`,
// invariants, step properties and enabledActions agree with the compiled model on random walks:
// the same successor states (compared as readable values), the same disabled instances, the same
// `well_typed` failures (site and detail).

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { readableEqual, toReadable } from "../../src/api/conform-values.js";
import { compileModel } from "../../src/compile/compile.js";
import { DISABLED, ENABLED, FAILED, FAILED_PROPERTY, type Model } from "../../src/model/model.js";
import type { Readable } from "../../src/model/layout.js";
import { allSpecPaths, generate, load, typeErrors, type Generated } from "./support.js";

const paths = allSpecPaths();
const modules = new Map<string, Generated>();

beforeAll(async () => {
  for (const p of paths) modules.set(p, await generate(p));
}, 60_000);

it("finds the shipped specs and the feature specs", () => {
  expect(paths).toContain("spec/pool.stake");
  expect(paths).toContain("properties/codegen/specs/features.stake");
  expect(paths).toContain("properties/codegen/specs/reserved.stake");
});

it("every generated module passes tsc --strict (and noUnused*, noUncheckedIndexedAccess, exactOptionalPropertyTypes)", async () => {
  const errors = await typeErrors([...modules.values()]);
  expect(errors.modules).toBe("");
  // The canary's deliberate errors show the checker runs with these settings.
  expect(errors.canary).toMatch(/TS2322/);
  expect(errors.canary).toMatch(/TS6133/);
});

type Gen = Record<string, any>;

/** An action instance as a string (set-valued parameters by their elements: JSON writes a Set as {}). */
function actionKey(a: unknown): string {
  return JSON.stringify(a, (_k, v: unknown) => (v instanceof Set ? { "#set": [...v] } : v));
}

/** The generated state as readable values, to compare with model.decode. */
function readable(model: Model, state: Record<string, unknown>): Record<string, Readable> {
  return Object.fromEntries(model.vars.map((v) => [v.name, toReadable(v.ty, state[v.name], v.name)]));
}

/** Invariant k in both: 1 holds, 0 violated, or the failure's site and detail. */
function bothInvariant(model: Model, g: Gen, k: number, s: Int32Array, state: unknown): [unknown, unknown] {
  const m = model.checkInvariant(k, s);
  const expected = m === FAILED_PROPERTY ? [model.failure.site, model.failure.detail] : m;
  let found: unknown;
  try {
    found = g.invariants[model.spec.invariants[k].name](state) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof g.WellTypedError)) throw e;
    found = [(e as { site: number }).site, (e as { detail: string }).detail];
  }
  return [expected, found];
}

function bothStepProperty(model: Model, g: Gen, k: number, s: Int32Array, d: Int32Array, inst: number, old: unknown, state: unknown, action: unknown): [unknown, unknown] {
  const m = model.checkStep(k, s, d, inst);
  const expected = m === FAILED_PROPERTY ? [model.failure.site, model.failure.detail] : m;
  let found: unknown;
  try {
    found = g.stepProperties[model.spec.steps[k].name](old, state, action) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof g.WellTypedError)) throw e;
    found = [(e as { site: number }).site, (e as { detail: string }).detail];
  }
  return [expected, found];
}

describe.each(paths)("%s: the generated step agrees with the compiled model", (path) => {
  let g: Gen;
  let model: Model;
  let actions: unknown[];
  let index: Map<string, number>;

  beforeAll(async () => {
    const m = modules.get(path)!;
    g = await load(m);
    model = compileModel(m.spec);
    actions = g.allActions();
    index = new Map(actions.map((a, i) => [actionKey(a), i]));
  });

  it("allActions lists the model's instances in its order", () => {
    expect(actions.length).toBe(model.instanceCount);
    for (let i = 0; i < model.instanceCount; i++) {
      const { action, args } = model.decodeInstance(i);
      const a = actions[i] as Record<string, unknown>;
      expect(a.action).toBe(model.actions[action].name);
      expect(Object.keys(a).length).toBe(1 + args.length);
    }
  });

  it("the initial states are equal and the invariants agree there", () => {
    const s = new Int32Array(model.width);
    model.init(s);
    expect(readable(model, g.initialState)).toEqual(model.decode(s));
    for (let k = 0; k < model.spec.invariants.length; k++) {
      const [e, f] = bothInvariant(model, g, k, s, g.initialState);
      expect(f).toEqual(e);
    }
  });

  it("random walks: same status, successor, failure, invariants, step properties and enabled set, step for step", () => {
    // A walk step picks an instance the model enables (or fails on) most of the time, else any.
    const walk = fc.array(fc.record({ live: fc.nat({ max: 3 }), n: fc.nat() }), { maxLength: 30, size: "max" });
    let failures = 0;
    let enabledSteps = 0;
    fc.assert(
      fc.property(walk, (choices) => {
        let s = new Int32Array(model.width);
        model.init(s);
        let state: unknown = g.initialState;
        const d = new Int32Array(model.width);
        for (const c of choices) {
          const live: number[] = [];
          model.expand(s, d, (i) => (live.push(i), false), (i) => (live.push(i), false));
          // enabledActions: every instance whose guard holds (including those that then fail well_typed).
          if (model.instanceCount <= 2000) {
            const enabled = (g.enabledActions(state) as unknown[]).map((a) => index.get(actionKey(a)) ?? -1);
            if (!readableEqual(enabled, live)) return false;
          }
          if (live.length === 0) break;
          const inst = c.live > 0 ? live[c.n % live.length] : c.n % model.instanceCount;
          const r = model.apply(s, d, inst);
          let next: unknown;
          let thrown: unknown = null;
          try {
            next = g.step(state, actions[inst]);
          } catch (e) {
            thrown = e;
          }
          if (r === DISABLED) {
            if (thrown !== null || next !== null) return false;
            continue;
          }
          if (r === FAILED) {
            failures++;
            if (!(thrown instanceof g.WellTypedError)) return false;
            const t = thrown as { site: number; detail: string };
            expect([t.site, t.detail]).toEqual([model.failure.site, model.failure.detail]);
            return true; // a failing step ends the walk, as it ends a trace
          }
          expect(r).toBe(ENABLED);
          if (thrown !== null) throw thrown;
          expect(readable(model, next as Record<string, unknown>)).toEqual(model.decode(d));
          enabledSteps++;
          for (let k = 0; k < model.spec.steps.length; k++) {
            const [e, f] = bothStepProperty(model, g, k, s, d, inst, state, next, actions[inst]);
            expect(f).toEqual(e);
          }
          for (let k = 0; k < model.spec.invariants.length; k++) {
            const [e, f] = bothInvariant(model, g, k, d, next);
            expect(f).toEqual(e);
          }
          s = Int32Array.from(d);
          state = next;
        }
        return true;
      }),
      { numRuns: 60, seed: 20_240 },
    );
    expect(enabledSteps).toBeGreaterThan(100);
    // The feature spec reaches `well_typed` failures; the walks must have compared some.
    if (path.endsWith("features.stake")) expect(failures).toBeGreaterThan(5);
  });

  it("step is pure: it never modifies the state it is given", () => {
    const before = JSON.stringify(readable(model, g.initialState));
    for (const a of actions) {
      try {
        g.step(g.initialState, a);
      } catch (e) {
        if (!(e instanceof g.WellTypedError)) throw e;
      }
    }
    expect(JSON.stringify(readable(model, g.initialState))).toBe(before);
  });
});
