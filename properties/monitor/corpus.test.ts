// Every saved counterexample of the spec library, turned into an event log (its steps, every
// choice given), is caught by the monitor at the right event, for the right property, and the trace
// the monitor saves replays as still violating it.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replayTraceFile } from "../../src/api/replay.js";
import { selectProperties } from "../../src/api/check.js";
import { ENABLED, type Model } from "../../src/model/model.js";
import { eventOf, eventsOfPath } from "../../src/monitor/events-of.js";
import { corpus, monitorLines, type CorpusCase } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-monitor-corpus-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = corpus();

describe("the corpus of counterexamples, as event logs", () => {
  it("has counterexamples of every kind the corpus holds", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.trace.violation.kind))).toEqual(new Set(["invariant", "step"]));
  });

  it.each(cases.map((c) => [c.file, c] as const))("%s, watching its property, is caught at its last event", async (_, c) => {
    const v = c.trace.violation;
    const save = join(dir, c.file.replace(/[^A-Za-z0-9]/g, "_"));
    const properties = selectProperties(c.model.spec, v.kind === "well_typed" ? [] : [v.name]);
    if ("unknown" in properties) throw new Error(properties.unknown.join());
    const { summary } = await monitorLines(c.model, eventsOf(c), { saveDir: save, specPath: c.specPath, eventsName: "corpus.jsonl", properties });
    expect(summary.verdict).toBe("violated");
    expect(summary.exitCode).toBe(1);
    const alert = summary.alert!;
    expect(alert.at.line).toBe(v.step);
    expect(alert.reason.kind).toBe("property");
    if (alert.reason.kind !== "property") return;
    expect(alert.reason.property).toEqual({ kind: v.kind, name: v.name });
    expect(alert.reason.why.length).toBeGreaterThan(0);
    // Every earlier event was allowed.
    expect(summary.steps).toBe(v.step - 1);
    const replayed = replayTraceFile(alert.trace!, { expect: "violation" });
    expect(replayed.kind).toBe("replayed");
    if (replayed.kind !== "replayed") return;
    expect(replayed.verdict).toEqual({ kind: "violates", step: v.step });
    expect(replayed.trace.violation).toMatchObject({ kind: v.kind, name: v.name, step: v.step });
    expect(replayed.trace.explorer).toEqual({ kind: "monitor", flags: { events: "corpus.jsonl", line: v.step } });
    // The same counterexample: the monitor's file has the corpus file's name.
    expect(alert.trace!.split("/").pop()).toBe(c.file.split("/").pop());
  });

  it.each(cases.map((c) => [c.file, c] as const))("%s, watching every property, is caught at the first event that breaks one", async (_, c) => {
    const expected = firstViolation(c.model, c.instances);
    expect(expected).not.toBeNull();
    const { summary } = await monitorLines(c.model, eventsOf(c));
    expect(summary.alert?.at.line).toBe(expected!.step);
    expect(summary.alert?.reason).toMatchObject({ kind: "property", property: expected!.property });
  });
});

/** The counterexample's steps as events, every choice given. */
function eventsOf(c: CorpusCase) {
  // A failed effect has no successor state: its event is written from the instance alone.
  const failed = c.trace.violation.failedStep !== undefined;
  const events = eventsOfPath(c.model, failed ? c.instances.slice(0, -1) : c.instances);
  if (failed) events.push(eventOf(c.model, c.instances[c.instances.length - 1], new Int32Array(c.model.width)));
  return events;
}

/** Independently of the monitor: the first step of the path after which some property fails,
 * checking invariants in order, then step properties, one by one. */
function firstViolation(model: Model, path: readonly number[]): { step: number; property: { kind: string; name: string } } | null {
  let s = new Int32Array(model.width);
  model.init(s);
  for (let k = 0; k < path.length; k++) {
    const d = new Int32Array(model.width);
    if (model.apply(s, d, path[k]) !== ENABLED) return { step: k + 1, property: { kind: "well_typed", name: "well_typed" } };
    const wellTyped = { step: k + 1, property: { kind: "well_typed", name: "well_typed" } };
    for (let i = 0; i < model.spec.invariants.length; i++) {
      const r = model.checkInvariant(i, d);
      if (r !== 1) return r === 0 ? { step: k + 1, property: { kind: "invariant", name: model.spec.invariants[i].name } } : wellTyped;
    }
    for (let i = 0; i < model.spec.steps.length; i++) {
      const r = model.checkStep(i, s, d, path[k]);
      if (r !== 1) return r === 0 ? { step: k + 1, property: { kind: "step", name: model.spec.steps[i].name } } : wellTyped;
    }
    s = d;
  }
  return null;
}
