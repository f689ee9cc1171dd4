// The trace so far, as a counterexample file `stakecheck replay` reads: the path to the candidate
// the alert shows (from the on-disk history), replayed on the model and written state by state, so
// a trace of millions of steps never sits in memory. A property violation is a property trace (as
// `check --save` writes); an event the spec does not enable or a state other than the observed one
// is a conformance trace (failure "accepted" or "state").

import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describeFailure } from "../ir/failure.js";
import type { Readable } from "../model/layout.js";
import { ENABLED, type Model } from "../model/model.js";
import { stepOf, traceContext } from "../trace/from-model.js";
import { formatVersionOf, type TraceState, type TraceStep, type TraceViolation } from "../trace/trace.js";
import { TraceIdentity, writeTraceStream, type TraceHead } from "../trace/write.js";
import type { Violated } from "./engine.js";

/** What the trace ends with. */
export type TraceEnd =
  /** `during`: for a well_typed failure while evaluating a property, that property's name. */
  | { readonly kind: "property"; readonly inst: number; readonly violated: Violated; readonly during?: string }
  | { readonly kind: "accepted"; readonly inst: number }
  | { readonly kind: "state"; readonly inst: number; readonly place: string; readonly expected: Readable; readonly found: Readable };

export interface SaveRequest {
  readonly model: Model;
  readonly specPath: string;
  /** Instances from the initial state to the candidate shown. */
  readonly path: Int32Array;
  readonly end: TraceEnd;
  readonly dir: string;
  /** Recorded in the file's explorer flags. */
  readonly events: string;
  readonly line: number;
  readonly message: string;
}

function violationOf(model: Model, path: Int32Array, end: TraceEnd, message: string): TraceViolation {
  const n = path.length + (end.inst >= 0 ? 1 : 0);
  const spec = model.spec;
  switch (end.kind) {
    case "property": {
      const v = end.violated;
      switch (v.kind) {
        case "invariant":
          return { kind: "invariant", name: spec.invariants[v.index].name, step: n };
        case "step":
          return { kind: "step", name: spec.steps[v.index].name, step: n };
        case "effect":
          return { kind: "well_typed", name: "well_typed", step: n, failedStep: stepOf(model, end.inst), message: describeFailure(spec.sites[v.site], v.detail) };
        case "during":
          return { kind: "well_typed", name: "well_typed", step: n, during: { kind: v.of, name: end.during ?? "" }, message: describeFailure(spec.sites[v.site], v.detail) };
      }
      throw new Error("monitor: unknown violation");
    }
    case "accepted":
      return { kind: "conformance", name: spec.actions[model.decodeInstance(end.inst).action].name, step: n, conformance: { failure: "accepted" }, message };
    case "state": {
      const variable = /^[^.[\]]+/.exec(end.place)![0];
      return { kind: "conformance", name: variable, step: n, conformance: { failure: "state", at: end.place, expected: end.expected, found: end.found }, message };
    }
  }
}

/** The states of the trace, one at a time. */
function* statesOf(model: Model, path: Int32Array, end: TraceEnd): Generator<TraceState> {
  let s = new Int32Array(model.width);
  let d = new Int32Array(model.width);
  model.init(s);
  yield { index: 0, step: null, values: model.decode(s) };
  let k = 0;
  for (; k < path.length; k++) {
    if (model.apply(s, d, path[k]) !== ENABLED) throw new Error(`monitor: step ${k + 1} of the history does not replay`);
    [s, d] = [d, s];
    yield { index: k + 1, step: stepOf(model, path[k]), values: model.decode(s) };
  }
  if (end.inst < 0 || (end.kind === "property" && end.violated.kind === "effect")) return;
  const step: TraceStep = stepOf(model, end.inst);
  if (end.kind === "accepted") {
    yield { index: k + 1, step: { ...step, disabled: true }, values: model.decode(s) };
    return;
  }
  if (model.apply(s, d, end.inst) !== ENABLED) throw new Error("monitor: the last step does not replay");
  yield { index: k + 1, step, values: model.decode(d) };
}

/** Writes the trace into `dir` under its stable name; the file's path. Throws on a disk error. */
export function saveMonitorTrace(r: SaveRequest): string {
  const { model } = r;
  const head: TraceHead = {
    ...traceContext(model, { explorer: { kind: "monitor", flags: { events: r.events, line: r.line } }, specPath: r.specPath }),
    violation: violationOf(model, r.path, r.end, r.message),
  };
  const version = formatVersionOf({ ...head, states: [] });
  mkdirSync(r.dir, { recursive: true });
  const tmp = join(r.dir, `.monitor-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(tmp, "w");
  const id = new TraceIdentity(head, false);
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    const buf = Buffer.from(pending.join(""), "utf8");
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off);
    pending = [];
    size = 0;
  };
  try {
    const states = (function* () {
      for (const s of statesOf(model, r.path, r.end)) {
        if (s.index > 0) id.step(s.step);
        yield s;
      }
    })();
    writeTraceStream(model, head, version, states, (t) => {
      pending.push(t);
      size += t.length;
      if (size > 1 << 20) flush();
    });
    flush();
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  const path = join(r.dir, id.fileName());
  renameSync(tmp, path);
  return path;
}
