// From an explorer's violation (a path of action instances over flat states) to a Trace: the path
// is replayed on the model and every state decoded with model.decode, every instance named with its
// action's choices. Any explorer (bfs, fuzz) uses this; it says who it is in `explorer`.

import { isAbsolute, relative } from "node:path";
import { describeFailure } from "../ir/failure.js";
import { replayPath } from "../explore/path.js";
import type { Violation } from "../explore/result.js";
import { choiceReadable, type Readable } from "../model/layout.js";
import type { Model } from "../model/model.js";
import { MBT_TRACE_VERSION, type Trace, type TraceExplorer, type TraceStep, type TraceViolation } from "./trace.js";
import { sha256Hex } from "./write.js";

export interface TraceOrigin {
  readonly explorer: TraceExplorer;
  /** The spec's path as the user gave it (default: the model's source file path). */
  readonly specPath?: string;
}

/** The action instance `inst` as a step: the action's name and its choices by name. */
export function stepOf(model: Model, inst: number): TraceStep {
  const { action, args } = model.decodeInstance(inst);
  const info = model.actions[action];
  // Null-prototype records: spec names such as `__proto__` stay ordinary keys.
  const params: Record<string, Readable> = Object.create(null);
  const picks: Record<string, Readable> = Object.create(null);
  let caller: Readable | undefined;
  info.choices.forEach((c, i) => {
    const v = choiceReadable(c.ty, args[i]);
    if (c.kind === "caller") caller = v;
    else if (c.kind === "param") params[c.name] = v;
    else picks[c.name] = v;
  });
  return caller === undefined ? { action: info.name, params, picks } : { action: info.name, params, caller, picks };
}

/** Paths are stored relative to the working directory when they are inside it, and with `/`, so
 * a corpus replays on another machine. */
export function portablePath(path: string): string {
  let p = path;
  if (isAbsolute(p)) {
    const rel = relative(process.cwd(), p);
    if (rel && !rel.startsWith("..") && !isAbsolute(rel)) p = rel;
  }
  return p.replace(/\\/g, "/");
}

/** The trace of `violation`; throws if its path does not replay on `model` (an explorer bug). */
export function traceFromViolation(model: Model, violation: Violation, origin: TraceOrigin): Trace {
  const spec = model.spec;
  const path = replayPath(model, violation.instances);
  const n = violation.instances.length;
  const states: Trace["states"][number][] = [{ index: 0, step: null, values: model.decode(path.init) }];
  let failedStep: TraceStep | undefined;
  path.steps.forEach((st, i) => {
    if (st.status === "enabled" && st.state) {
      states.push({ index: i + 1, step: stepOf(model, st.inst), values: model.decode(st.state) });
    } else if (st.status === "failed" && i === n - 1 && violation.property.kind === "well_typed" && !violation.during) {
      failedStep = stepOf(model, st.inst);
    } else {
      throw new Error(`traceFromViolation: step ${i + 1} of the violation's path is ${st.status} on this model`);
    }
  });
  if (states.length + (failedStep ? 1 : 0) !== n + 1) throw new Error(`traceFromViolation: the path has ${n} steps but replays ${states.length - 1}`);

  const p = violation.property;
  const v: { -readonly [K in keyof TraceViolation]: TraceViolation[K] } = { kind: p.kind, name: p.name, step: n };
  if (violation.during) v.during = { kind: violation.during.kind === "step" || violation.during.kind === "liveness" ? violation.during.kind : "invariant", name: violation.during.name };
  if (failedStep) v.failedStep = failedStep;
  if (violation.failure) v.message = describeFailure(spec.sites[violation.failure.site], violation.failure.detail);
  const lasso = violation.lasso;
  if (lasso) {
    const l = (spec.liveness ?? [])[p.index];
    const binding: Record<string, Readable> = Object.create(null);
    l.binders.forEach((b, i) => (binding[b.name] = choiceReadable(b.ty, lasso.binding[i])));
    v.binding = binding;
    if (lasso.trigger !== undefined) v.trigger = lasso.trigger;
    if (lasso.closing >= 0) v.loopStep = stepOf(model, lasso.closing);
    const trace: Trace = { version: MBT_TRACE_VERSION, ...traceContext(model, origin), violation: v, states, loop: lasso.loop };
    return trace;
  }

  return { version: MBT_TRACE_VERSION, ...traceContext(model, origin), violation: v, states };
}

/** What every trace of `model` records besides its states and violation: the spec, consts, vars
 * and explorer. */
export function traceContext(model: Model, origin: TraceOrigin): Pick<Trace, "spec" | "consts" | "explorer" | "vars"> {
  const spec = model.spec;
  const consts: Record<string, number | boolean> = Object.create(null);
  for (const c of spec.consts) consts[c.name] = c.value;
  return {
    spec: { name: spec.name, path: portablePath(origin.specPath ?? spec.file.path), sha256: sha256Hex(spec.file.text) },
    consts,
    explorer: origin.explorer,
    vars: model.vars.map((x) => x.name),
  };
}
