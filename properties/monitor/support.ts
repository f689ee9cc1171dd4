// Shared by the monitor's tests: the corpus of saved counterexamples as paths of action instances on
// their compiled specs, and monitor runs over in-memory logs.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { resolveSpecPath } from "../../src/api/replay.js";
import type { Model } from "../../src/model/model.js";
import { bindTrace } from "../../src/trace/bind.js";
import { readTraceFile } from "../../src/trace/read.js";
import type { Trace } from "../../src/trace/trace.js";
import { monitorEvents, type MonitorOptions } from "../../src/monitor/monitor.js";
import type { MonitorReport, MonitorSummary } from "../../src/monitor/types.js";
import { modelFromFile } from "../support/load.js";

export interface CorpusCase {
  readonly file: string;
  readonly trace: Trace;
  readonly specPath: string;
  readonly model: Model;
  /** Every step of the counterexample, the failed one (well_typed in an effect) included. */
  readonly instances: readonly number[];
}

const models = new Map<string, Model>();

export function corpus(dir = "counterexamples"): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".itf.json"))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const trace = readTraceFile(file);
      const found = resolveSpecPath(file, trace.spec.path);
      if ("refused" in found) throw new Error(`${file}: ${found.refused}`);
      const specPath = found.path;
      const key = `${specPath}\u0000${JSON.stringify(trace.consts)}`;
      let model = models.get(key);
      if (!model) models.set(key, (model = modelFromFile(specPath, trace.consts)));
      const b = bindTrace(model, trace);
      if ("problems" in b) throw new Error(`${file}: ${b.problems.join("; ")}`);
      return { file, trace, specPath, model, instances: b.bound.steps.map((s) => s.inst) };
    })
    // A lasso is an infinite behaviour: no finite event log violates a liveness property, and the
    // monitor watches invariants and step properties only.
    .filter((c) => c.trace.violation.kind !== "liveness");
}

export interface Run {
  readonly summary: MonitorSummary;
  readonly reports: MonitorReport[];
}

/** Monitors a log given as lines (objects are written as JSON). */
export async function monitorLines(model: Model, lines: readonly (string | object)[], options: MonitorOptions = {}): Promise<Run> {
  const reports: MonitorReport[] = [];
  const text = lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l)) + "\n").join("");
  const summary = await monitorEvents(model, { text }, { ...options, onReport: (r) => reports.push(r) });
  return { summary, reports };
}
