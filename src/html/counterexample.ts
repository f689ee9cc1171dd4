// One counterexample as the HTML report shows it: the steps with what each changed (the same
// element-level changes as the terminal, src/trace/diff.ts), the full states interned per variable,
// the numbers to chart, why the property fails (as `check` prints it) and a command that replays it.

import type { Violation } from "../explore/result.js";
import { slotCount, type Ty } from "../ir/types.js";
import { encodeChoice, encodeValue, type Readable } from "../model/layout.js";
import type { Model } from "../model/model.js";
import { explanationLines } from "../report/counterexample.js";
import { stateChanges, stateLeaves, type Change, type VarType } from "../trace/diff.js";
import { entriesOf, itemsOf, partPath, partTy, shapeOf, valueText } from "../trace/show.js";
import type { Trace, TracePropertyKind, TraceStep } from "../trace/trace.js";
import { assertNever } from "../util/assert-never.js";
import { shellCommand } from "../util/shell.js";
import type { ReportChange, ReportCounterexample, ReportStep, ValueNode } from "./report-data.js";
import { seriesOf } from "./series.js";

/** A counterexample to show, and what is known beside its trace. */
export interface CounterexampleSource {
  readonly trace: Trace;
  /** The compiled spec: types for the values, and the explanation. Absent when the spec is not at
   * hand (values are then shown by their shape). */
  readonly model?: Model;
  /** The violation on `model` (its path of instances), to explain why the property fails. */
  readonly violation?: Violation;
  /** The saved counterexample file, if any: the replay command replays it. */
  readonly file?: string;
  /** The spec's path as given on the command line (default: the one recorded in the trace). */
  readonly specPath?: string;
  readonly notes?: readonly string[];
}

/** Past this many characters a container in the full-state view can be opened part by part. */
const INLINE = 60;

function steps(n: number): string {
  return `${n} step${n === 1 ? "" : "s"}`;
}

/** The title of a counterexample, in words. */
export function counterexampleTitle(trace: Trace): string {
  const v = trace.violation;
  const n = v.step;
  const kind: TracePropertyKind = v.kind;
  let title: string;
  switch (kind) {
    case "invariant":
      title = `invariant ${v.name} is violated ${n === 0 ? "in the initial state" : `after ${steps(n)}`}`;
      break;
    case "step":
      title = `step property ${v.name} is violated at step ${n}`;
      break;
    case "well_typed":
      title = `well_typed is violated ${n === 0 ? "in the initial state" : `at step ${n}`}`;
      break;
    case "liveness": {
      const b = Object.entries(v.binding ?? {}).map(([k, x]) => `${k} = ${valueText(undefined, x)}`).join(", ");
      title = `liveness ${v.name} is violated${b ? ` for ${b}` : ""}`;
      break;
    }
    case "run":
      title = "a run of the spec";
      break;
    case "conformance":
      title = `the implementation diverges from the spec ${n === 0 ? "in the initial state" : `after step ${n}`} (${v.name})`;
      break;
    default:
      return assertNever(kind, "property kind");
  }
  return trace.loop === undefined ? title : `${title}, in a run that loops from state ${trace.states.length - 1} back to state ${trace.loop} forever`;
}

/** Each variable with its type, when the spec is at hand and every recorded value fits it. */
function varTypes(trace: Trace, model: Model | undefined): VarType[] {
  return trace.vars.map((name) => {
    const ty = model?.vars.find((v) => v.name === name)?.ty;
    if (!ty) return { name };
    const scratch = new Int32Array(slotCount(ty));
    const fits = trace.states.every((s) => !Object.hasOwn(s.values, name) || encodeValue(ty, s.values[name], scratch, 0, name) === null);
    return fits ? { name, ty } : { name };
  });
}

function toReportChange(c: Change): ReportChange {
  switch (c.kind) {
    case "value":
      return { k: "value", path: c.path, before: c.before, after: c.after };
    case "set":
      return { k: "set", path: c.path, added: c.added, removed: c.removed };
    case "pop":
    case "push":
    case "drop":
      return { k: c.kind, path: c.path, item: c.item };
    default:
      return assertNever(c);
  }
}

function named(r: Readonly<Record<string, Readable>>, types: ReadonlyMap<string, Ty>): [string, string][] {
  return Object.entries(r).map(([k, v]) => [k, valueText(types.get(k), v)]);
}

/** The types of a step's choices by name (the caller's as `caller`), when the spec is at hand and
 * the recorded value fits: a tuple then reads `(1, 2)`, not as a queue. */
function choiceTypes(model: Model | undefined, s: TraceStep): Map<string, Ty> {
  const out = new Map<string, Ty>();
  const a = model?.actions.find((x) => x.name === s.action);
  for (const c of a?.choices ?? []) {
    const v = c.kind === "caller" ? s.caller : c.kind === "param" ? s.params[c.name] : s.picks[c.name];
    if (v !== undefined && !("error" in encodeChoice(c.ty, v, c.name))) out.set(c.kind === "caller" ? "caller" : c.name, c.ty);
  }
  return out;
}

function stepData(model: Model | undefined, index: number, s: TraceStep, changes: readonly Change[], extra: { failed?: true } = {}): ReportStep {
  const types = choiceTypes(model, s);
  return {
    index,
    action: s.action,
    params: named(s.params, types),
    ...(s.caller !== undefined ? { caller: ["caller", valueText(types.get("caller"), s.caller)] as const } : {}),
    picks: named(s.picks, types),
    changes: changes.map(toReportChange),
    ...(s.disabled ? { disabled: true as const } : {}),
    ...extra,
  };
}

/** A value for the full-state view: short values whole, longer containers part by part. */
export function valueNode(ty: Ty | undefined, v: Readable): ValueNode {
  const t = valueText(ty, v);
  const shape = shapeOf(ty, v);
  if (t.length <= INLINE || shape === "leaf") return { t };
  switch (shape) {
    case "set":
      return { t: `set of ${itemsOf(v).length}`, c: itemsOf(v).map((x, i) => [`${i}`, valueNode(partTy(ty), x)] as const) };
    case "seq":
      return { t: `queue of ${itemsOf(v).length}`, c: itemsOf(v).map((x, i) => [partPath("", "seq", i), valueNode(partTy(ty), x)] as const) };
    case "map":
    case "rec":
      return {
        t: shape === "map" ? `map of ${entriesOf(v).length}` : "record",
        c: entriesOf(v).map(([k, x]) => [partPath("", shape, k), valueNode(partTy(ty, k), x)] as const),
      };
  }
}

/** The command that shows this counterexample again: replay of its file, else the search that
 * found it (same spec, consts, property, and for fuzz the same seed and budget). */
export function replayCommand(trace: Trace, file: string | undefined, specPath: string): string {
  if (file !== undefined) return shellCommand("stakecheck replay", [file]);
  const consts = Object.entries(trace.consts).flatMap(([k, v]) => ["--const", `${k}=${v}`]);
  const v = trace.violation;
  const only = v.kind === "invariant" || v.kind === "step" || v.kind === "liveness" ? ["--invariant", v.name] : [];
  const e = trace.explorer;
  switch (e.kind) {
    case "bfs":
      return shellCommand("stakecheck check", [specPath, ...consts, ...only]);
    case "fuzz": {
      const flags = e.flags ?? {};
      const budget = (["runs", "depth"] as const).flatMap((k) => (flags[k] !== undefined ? [`--${k}`, String(flags[k])] : []));
      return shellCommand("stakecheck fuzz", [specPath, ...consts, ...only, ...(e.seed !== undefined ? ["--seed", String(e.seed)] : []), ...budget, ...(flags.swarm === true ? ["--swarm"] : [])]);
    }
    case "conform": {
      const impl = e.flags?.impl;
      return shellCommand("stakecheck conform", [specPath, "--impl", typeof impl === "string" ? impl : "ADAPTER.ts", ...consts]);
    }
    case "monitor": {
      const events = e.flags?.events;
      return shellCommand("stakecheck monitor", [specPath, "--events", typeof events === "string" ? events : "EVENTS.jsonl", ...consts]);
    }
    case "quint":
      return shellCommand("stakecheck replay", ["TRACE.itf.json", "--spec", specPath]);
    default:
      return assertNever(e.kind, "explorer");
  }
}

export function counterexampleData(src: CounterexampleSource, id: string): ReportCounterexample {
  const { trace, model } = src;
  const vars = varTypes(trace, model);
  const states = trace.states.map((s) => s.values);
  const stepsOut: ReportStep[] = [];
  for (let k = 1; k < trace.states.length; k++) {
    const st = trace.states[k];
    if (st.step) stepsOut.push(stepData(model, k, st.step, stateChanges(vars, states[k - 1], states[k])));
  }
  if (trace.violation.failedStep) stepsOut.push(stepData(model, trace.states.length, trace.violation.failedStep, [], { failed: true }));

  // Full states, each variable's distinct values kept once.
  const values: ValueNode[][] = vars.map(() => []);
  const index: Map<string, number>[] = vars.map(() => new Map());
  const stateRows = states.map((s) =>
    vars.map((v, i) => {
      const node = Object.hasOwn(s, v.name) ? valueNode(v.ty, s[v.name]) : { t: "(absent)" };
      const key = JSON.stringify(node);
      let at = index[i].get(key);
      if (at === undefined) {
        at = values[i].length;
        values[i].push(node);
        index[i].set(key, at);
      }
      return at;
    }),
  );

  const explanation = model && src.violation ? explanationLines(model, src.violation, { color: false }) : [];
  const notes = [...(src.notes ?? [])];
  if (!model) notes.push("the spec is not at hand: values are shown by their shape, and there is no explanation of why the property fails");
  const v = trace.violation;
  if (v.kind === "conformance" && v.conformance?.at !== undefined) {
    const c = v.conformance;
    notes.push(`the implementation differs at ${c.at}: the spec has ${c.expected === undefined ? "?" : valueText(undefined, c.expected)}, the implementation ${c.found === undefined ? "?" : valueText(undefined, c.found)}`);
  } else if (v.message !== undefined) {
    notes.push(v.message);
  }
  const specPath = src.specPath ?? trace.spec.path;
  return {
    id,
    title: counterexampleTitle(trace),
    spec: trace.spec.name,
    specPath,
    consts: Object.entries(trace.consts).map(([k, x]) => [k, String(x)]),
    property: { kind: v.kind, name: v.name },
    ...(src.file !== undefined ? { file: src.file } : {}),
    explorer: trace.explorer.kind + (trace.explorer.seed !== undefined ? ` (seed ${trace.explorer.seed})` : ""),
    violatingStep: v.step,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
    vars: trace.vars,
    initial: stateLeaves(vars, states[0]),
    steps: stepsOut,
    values,
    states: stateRows,
    series: seriesOf(vars, states),
    explanation,
    replay: replayCommand(trace, src.file, specPath),
    notes,
  };
}
