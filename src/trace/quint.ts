// ITF both ways with Quint's model-based testing (MBT) conventions. Quint's simulator records, in
// every state, two extra variables: `mbt::actionTaken` (the action's name; "init" in the initial
// state) and `mbt::nondetPicks` (a record with one field per nondeterministic choice of the spec,
// `{"tag": "Some", "value": v}` for those the step made and `{"tag": "None", "value": {"#tup": []}}`
// for the others). Quint-based test drivers read a step from those two alone.
//
// Writing: every counterexample file carries them too (beside our `#meta`, which replay reads), the
// picks being the action's parameters, caller and picks by name. Reading our files: they must agree
// with `#meta`. Reading Quint's traces (no stakecheck `#meta`): variables, actions and picks are
// matched by name against a spec given with `replay --spec`.

import { closest } from "../lang/suggest.js";
import type { Readable } from "../model/layout.js";
import { setOwn } from "../model/layout.js";
import type { Model } from "../model/model.js";
import { fromItf, toItf, type Json } from "./itf.js";
import { choiceReadable } from "../model/layout.js";
import type { TraceStep } from "./trace.js";

export const ACTION_TAKEN = "mbt::actionTaken";
export const NONDET_PICKS = "mbt::nondetPicks";
export const MBT_VARS: readonly string[] = [ACTION_TAKEN, NONDET_PICKS];

const NONE: Json = { tag: "None", value: { "#tup": [] } };

/** The fields of `mbt::nondetPicks`: every choice name of every action, in order, once each. */
export function pickNames(model: Model): string[] {
  const names: string[] = [];
  for (const a of model.actions) for (const c of a.choices) if (!names.includes(c.name)) names.push(c.name);
  return names;
}

/** The two MBT variables of the state after `step` (the action and its choice codes; null for the
 * initial state), in ITF. */
export function mbtState(model: Model, step: { readonly action: number; readonly args: readonly number[] } | null): { action: Json; picks: Json } {
  const picks: { [k: string]: Json } = Object.create(null);
  for (const n of pickNames(model)) picks[n] = NONE;
  if (!step) return { action: "init", picks };
  model.actions[step.action].choices.forEach((c, i) => {
    picks[c.name] = { tag: "Some", value: toItf(c.ty, choiceReadable(c.ty, step.args[i])) };
  });
  return { action: model.actions[step.action].name, picks };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An Option as Quint writes it: the value of `Some`, null for `None`; a plain value (an older
 * Quint's picks) is taken as it is. */
function optionValue(v: unknown): { some: unknown } | null {
  if (isObject(v) && Object.keys(v).every((k) => k === "tag" || k === "value") && (v.tag === "Some" || v.tag === "None")) {
    return v.tag === "Some" ? { some: v.value } : null;
  }
  return { some: v };
}

/** Quint's variants: a variant without a payload (an enum member) is its tag; others stay records. */
export function normalizeQuintValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeQuintValue);
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  // Quint's `None` stays an option (the readable form of options, src/model/values.ts).
  if (typeof v.tag === "string" && v.tag !== "None" && keys.every((k) => k === "tag" || k === "value")) {
    const payload = v.value;
    if (payload === undefined || (isObject(payload) && Array.isArray(payload["#tup"]) && payload["#tup"].length === 0)) return v.tag;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = k.startsWith("#") ? (Array.isArray(v[k]) ? (v[k] as unknown[]).map(normalizeQuintValue) : v[k]) : normalizeQuintValue(v[k]);
  return out;
}

/** The values an MBT state records for a step: the action taken and the picks made (by name). */
export function readMbt(state: Record<string, unknown>, at: string, problems: string[]): { action: string; picks: Record<string, Readable> } | null {
  const action = state[ACTION_TAKEN];
  const rawPicks = state[NONDET_PICKS];
  if (typeof action !== "string") {
    problems.push(`${at}: ${ACTION_TAKEN} is ${action === undefined ? "missing" : "not a string"}`);
    return null;
  }
  const picks: Record<string, Readable> = {};
  if (rawPicks !== undefined) {
    if (!isObject(rawPicks)) {
      problems.push(`${at}: ${NONDET_PICKS} is not a record of picks`);
      return null;
    }
    for (const [k, v] of Object.entries(rawPicks)) {
      const o = optionValue(v);
      if (!o) continue;
      const r = fromItf(normalizeQuintValue(o.some), `${at}, ${NONDET_PICKS}.${k}`);
      if ("error" in r) problems.push(r.error);
      else setOwn(picks, k, r.value);
    }
  }
  return { action, picks };
}

function same(a: Readable | undefined, b: Readable | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** In our own files: the MBT variables of state `i` agree with its `#meta` step. */
export function mbtAgrees(state: Record<string, unknown>, step: TraceStep | null, at: string, problems: string[]): void {
  const mbt = readMbt(state, at, problems);
  if (!mbt) return;
  const action = step ? step.action : "init";
  if (mbt.action !== action) {
    problems.push(`${at}: ${ACTION_TAKEN} is ${JSON.stringify(mbt.action)}, but #meta.action says ${JSON.stringify(action)}`);
    return;
  }
  const want: Record<string, Readable> = { ...(step?.params ?? {}), ...(step?.picks ?? {}) };
  if (step?.caller !== undefined) {
    const callerName = Object.keys(mbt.picks).find((k) => !(k in want));
    if (callerName !== undefined) want[callerName] = step.caller;
  }
  const names = new Set([...Object.keys(want), ...Object.keys(mbt.picks)]);
  for (const n of names) {
    if (!same(want[n], mbt.picks[n])) {
      problems.push(`${at}: ${NONDET_PICKS}.${n} is ${mbt.picks[n] === undefined ? "None" : JSON.stringify(mbt.picks[n])}, but #meta says ${want[n] === undefined ? "no such choice" : JSON.stringify(want[n])}`);
      return;
    }
  }
}

/** The step an MBT state names, on `model`: its action by name, and each of the action's choices
 * from the picks of the same name. */
export function mbtStep(model: Model, mbt: { action: string; picks: Record<string, Readable> }, at: string, problems: string[]): TraceStep | null {
  const names = model.actions.map((a) => a.name);
  const info = model.actions.find((a) => a.name === mbt.action);
  if (!info) {
    const g = closest(mbt.action, names);
    problems.push(`${at}: ${ACTION_TAKEN} is \`${mbt.action}\`, which is not an action of spec \`${model.spec.name}\`${g ? `; did you mean \`${g}\`?` : `; its actions: ${names.join(", ")}`}`);
    return null;
  }
  const step: { action: string; params: Record<string, Readable>; caller?: Readable; picks: Record<string, Readable> } = { action: info.name, params: {}, picks: {} };
  for (const c of info.choices) {
    if (!Object.hasOwn(mbt.picks, c.name)) {
      const given = Object.keys(mbt.picks);
      problems.push(
        `${at}: action \`${info.name}\` takes ${c.kind === "caller" ? "the caller" : c.kind === "param" ? "parameter" : "pick"} \`${c.name}\`, but ${NONDET_PICKS} has no value for it${given.length ? ` (it has values for ${given.join(", ")})` : ""}`,
      );
      return null;
    }
    const v = mbt.picks[c.name];
    if (c.kind === "caller") step.caller = v;
    else if (c.kind === "param") setOwn(step.params, c.name, v);
    else setOwn(step.picks, c.name, v);
  }
  return step;
}
