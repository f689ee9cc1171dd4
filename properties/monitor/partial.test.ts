// Partial observation, differentially against the full logs: a log with choices hidden (and some
// places observed) never raises an alarm before the full log does, nor on a run the spec allows;
// with the whole state observed after every event, it catches exactly the bugs that are observable
// (no step the event allows reaches the observed state without breaking a property).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceReadable } from "../../src/model/layout.js";
import { ENABLED, type Model } from "../../src/model/model.js";
import { eventOf, eventsOfPath, randomPath, type EventShape } from "../../src/monitor/events-of.js";
import { stakeFiles } from "../specs/load.js";
import { modelFromFile } from "../support/load.js";
import { corpus, monitorLines } from "./support.js";

const SEED = 20261203;

/** The events of `path` (ending where the full log's alarm is, if it has one), each with its own shape. */
function partialLog(model: Model, path: readonly number[], shapes: readonly EventShape[], failedLast: boolean): object[] {
  let s = new Int32Array(model.width);
  model.init(s);
  return path.map((inst, k) => {
    const d = new Int32Array(model.width);
    const r = model.apply(s, d, inst);
    const shape = shapes[k % shapes.length];
    if (r !== ENABLED) {
      if (!(failedLast && k === path.length - 1)) throw new Error("a step of the path is not enabled");
      return eventOf(model, inst, d, { ...shape, observe: [] });
    }
    s = d;
    return eventOf(model, inst, d, shape);
  });
}

/** A shape from random bits: which choices are hidden, which variables observed. */
function shapeOf(model: Model, bits: number, observeBits: number, observeAll: boolean): EventShape {
  const params = [...new Set(model.actions.flatMap((a) => a.choices.filter((c) => c.kind === "param").map((c) => c.name)))];
  return {
    hideCaller: (bits & 1) !== 0,
    hidePicks: (bits & 2) !== 0,
    hideParams: params.filter((_, i) => ((bits >>> (2 + i)) & 1) !== 0),
    observe: observeAll ? model.vars.map((v) => v.name) : model.vars.filter((_, i) => ((observeBits >>> i) & 1) !== 0).map((v) => v.name),
  };
}

/** Whether some instance the partial event allows takes `s` to exactly `after` (any state, when
 * null) without breaking a property: if so, the monitor with full observation must not alarm. */
function explainable(model: Model, s: Int32Array, event: { action: string; params: Record<string, unknown>; caller?: unknown; picks?: Record<string, unknown> }, after: Int32Array | null): boolean {
  const a = model.actions.findIndex((x) => x.name === event.action);
  const info = model.actions[a];
  const d = new Int32Array(model.width);
  for (let inst = info.firstInstance; inst < info.firstInstance + info.instanceCount; inst++) {
    const { args } = model.decodeInstance(inst);
    const fits = info.choices.every((c, i) => {
      const given = c.kind === "caller" ? event.caller : c.kind === "param" ? event.params[c.name] : event.picks?.[c.name];
      return given === undefined || JSON.stringify(given) === JSON.stringify(choiceReadable(c.ty, args[i]));
    });
    if (!fits || model.apply(s, d, inst) !== ENABLED) continue;
    if (after && !d.every((x, i) => x === after[i])) continue;
    if (model.checkInvariants(d) === -1 && model.checkSteps(s, d, inst) === -1) return true;
  }
  return false;
}

/** The full log's alarm on `path`: the step (1-based) and whether that step failed in its effect. */
function fullAlarm(model: Model, path: readonly number[]): { step: number; failed: boolean } | null {
  let s = new Int32Array(model.width);
  model.init(s);
  for (let k = 0; k < path.length; k++) {
    const d = new Int32Array(model.width);
    if (model.apply(s, d, path[k]) !== ENABLED) return { step: k + 1, failed: true };
    if (model.checkInvariants(d) !== -1 || model.checkSteps(s, d, path[k]) !== -1) return { step: k + 1, failed: false };
    s = d;
  }
  return null;
}

const cases = corpus();

describe("partial logs of the corpus's counterexamples", () => {
  it("never alarm before the full log does; with every variable observed, alarm exactly when the bug is observable", async () => {
    let observable = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (c, bits, observeAll) => {
          const alarm = fullAlarm(c.model, c.instances)!;
          const path = c.instances.slice(0, alarm.step);
          const shapes = bits.map(([b, o]) => shapeOf(c.model, b, o, observeAll));
          const log = partialLog(c.model, path, shapes, alarm.failed);
          const { summary } = await monitorLines(c.model, log);
          expect(summary.bound).toBeNull();
          if (summary.alert) expect(summary.alert.at.line).toBe(alarm.step);
          else expect(summary.verdict).toBe("holds");
          if (!observeAll) return;
          // The state before the last step is pinned by the observations; the last step's event
          // is explained iff some allowed instance reaches the observed state (or, for a failed
          // effect, any state) without breaking a property.
          let s = new Int32Array(c.model.width);
          c.model.init(s);
          for (const inst of path.slice(0, -1)) {
            const d = new Int32Array(c.model.width);
            c.model.apply(s, d, inst);
            s = d;
          }
          const after = new Int32Array(c.model.width);
          const last = path[path.length - 1];
          const enabled = c.model.apply(s, after, last) === ENABLED;
          const expectAlarm = !explainable(c.model, s, log[log.length - 1] as never, enabled ? after : null);
          expect(summary.alert !== null).toBe(expectAlarm);
          runs++;
          if (expectAlarm) observable++;
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
    // Most seeded bugs show in the state: the hidden choices do not hide them.
    expect(observable).toBeGreaterThan(runs / 2);
  }, 60_000);
});

describe("partial logs of runs the spec allows", () => {
  const specs = stakeFiles("spec").map((f) => ({ file: f, model: modelFromFile(f) }));
  const walks = specs.map((s, i) => ({ ...s, path: randomPath(s.model, 150, SEED + i) }));

  it("the full logs raise nothing", async () => {
    for (const w of walks) {
      const { summary } = await monitorLines(w.model, eventsOfPath(w.model, w.path));
      expect(summary.verdict, w.file).toBe("holds");
      expect(summary.events).toBe(w.path.length);
    }
  });

  it("nor does any partial log: no false alarm, and the candidate bound is the only way to an inconclusive end", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...walks), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), async (w, bits) => {
        const log = partialLog(w.model, w.path, bits.map(([b, o]) => shapeOf(w.model, b, o, false)), false);
        const { summary } = await monitorLines(w.model, log, { maxCandidates: 2000 });
        expect(summary.alert, w.file).toBeNull();
        expect(["holds", "incomplete"]).toContain(summary.verdict);
        if (summary.verdict === "incomplete") expect(summary.bound).not.toBeNull();
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 120_000);
});
