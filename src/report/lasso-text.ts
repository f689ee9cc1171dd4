// A liveness counterexample as a person reads it: the prefix and the loop step by step (only what
// changed), where the loop starts and how it closes, then why the property fails on it (where P
// became true, what keeps Q false on the loop) and why the loop is fair: which fairness constraints
// it meets, and why the step that would end the violation is not forced.

import pc from "picocolors";
import { type Value } from "../ir/eval.js";
import type * as I from "../ir/ir.js";
import { choiceReadable } from "../model/layout.js";
import { choiceValue } from "../ir/finite.js";
import { valueText } from "../trace/show.js";
import { stateValues } from "../model/eval-values.js";
import type { Model } from "../model/model.js";
import { replayPath } from "../explore/path.js";
import type { Lasso, Violation } from "../explore/result.js";
import { fairnessOf, type Fairness } from "../explore/liveness/fairness.js";
import { judgeLasso, loopStates, type ConcreteLasso, type GroupOnLoop, type LassoVerdict } from "../explore/liveness/lasso-check.js";
import { explainExpr } from "./explain.js";
import { assertNever } from "../util/assert-never.js";
import { changeText, stateChanges, stateLeaves } from "../trace/diff.js";
import { describeStep } from "./values-text.js";

export interface LassoRenderOptions {
  readonly color?: boolean;
}

const MAX_LOOP_LINES = 4;

/** `a = 0, b = 1`: a liveness instance's binder values; empty without binders. */
export function bindingText(l: I.Liveness, binding: readonly number[]): string {
  return l.binders.map((b, i) => `${b.name} = ${valueText(b.ty, choiceReadable(b.ty, binding[i]))}`).join(", ");
}

/** `withdraw(a = 0)`: an action with its parameters (a fairness group, or where a step goes). */
export function groupText(model: Model, action: number, params: readonly number[]): string {
  const a = model.actions[action];
  const ps = a.choices.filter((c) => c.kind === "param");
  return `${a.name}(${ps.map((c, i) => `${c.name} = ${valueText(c.ty, choiceReadable(c.ty, params[i]))}`).join(", ")})`;
}

/** The parameters (codes) of an instance, without its caller and picks. */
function paramsOf(model: Model, inst: number): { action: number; params: number[] } {
  const { action, args } = model.decodeInstance(inst);
  const a = model.actions[action];
  return { action, params: a.choices.map((c, i) => (c.kind === "param" ? args[i] : null)).filter((x): x is number => x !== null) };
}

/** Steps before the loop, and steps in the loop (0: the last state stutters). */
export function lassoSize(v: Violation): { prefix: number; loop: number } {
  const l = v.lasso!;
  return { prefix: l.loop, loop: v.instances.length - l.loop + (l.closing >= 0 ? 1 : 0) };
}

/** "after step 3", "in the initial state". */
export function stateName(i: number): string {
  return i === 0 ? "the initial state" : `the state after step ${i}`;
}

function shortState(i: number): string {
  return i === 0 ? "initially" : `after step ${i}`;
}

/** The lasso of a violation, replayed on the model. */
export function concreteLasso(model: Model, v: Violation): ConcreteLasso {
  const path = replayPath(model, v.instances);
  const states = [path.init];
  for (const st of path.steps) {
    if (!st.state) throw new Error(`lasso: step ${states.length} does not replay on this model`);
    states.push(st.state);
  }
  return { states, steps: v.instances, loop: v.lasso!.loop, closing: v.lasso!.closing };
}

function headline(l: I.Liveness, text: (e: I.Expr) => string): string {
  switch (l.kind) {
    case "leadsto":
      return `\`${text(l.p!)}\` holds but \`${text(l.q)}\` never does afterwards`;
    case "eventually":
      return `\`${text(l.q)}\` never holds`;
    case "infinitely":
      return `from some point on, \`${text(l.q)}\` never holds again`;
    case "stable":
      return `\`${text(l.q)}\` fails again and again, forever`;
    default:
      return assertNever(l.kind);
  }
}

export function renderLasso(model: Model, v: Violation, options: LassoRenderOptions = {}): string {
  const color = options.color ?? false;
  const bad = color ? pc.red : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const bold = color ? pc.bold : (s: string) => s;
  const spec = model.spec;
  const l = spec.liveness![v.property.index];
  const lv = v.lasso!;
  const text = (e: I.Expr) => spec.file.slice(e.span).replace(/\s+/g, " ");
  const lasso = concreteLasso(model, v);
  const fairness = fairnessOf(model);
  const verdict = judgeLasso(model, fairness, v.property.index, lv.instance, lasso);
  const binding = bindingText(l, lv.binding);
  const n = lasso.states.length - 1;
  const loopLen = n - lv.loop + (lv.closing >= 0 ? 1 : 0);
  const lines: string[] = [];
  lines.push(bad(bold(`✗ liveness \`${l.name}\` is violated${binding ? ` for ${binding}` : ""}: ${headline(l, text)}, on a fair behaviour`)));
  lines.push(dim(`  (a lasso: ${lv.loop} step${lv.loop === 1 ? "" : "s"} to the loop, then ${loopLen === 0 ? "nothing changes, forever" : `a loop of ${loopLen} step${loopLen === 1 ? "" : "s"}, forever`})`));
  lines.push("");
  lines.push(dim("  initial state"));
  let prev = model.decode(lasso.states[0]);
  for (const [k, x] of stateLeaves(model.vars, prev)) lines.push(`    ${k} = ${x}`);
  const changes = (before: typeof prev, after: typeof prev) => {
    const c = stateChanges(model.vars, before, after);
    if (c.length === 0) lines.push(dim("    (no change)"));
    for (const x of c) lines.push(`    ${changeText(x)}`);
  };
  const marks = (i: number) => {
    if (i === lv.loop) lines.push(`  ${bold("↻ the loop starts here")}`);
    if (lv.trigger !== undefined && i === lv.trigger && l.kind === "leadsto") lines.push(dim(`    (\`${text(l.p!)}\` holds here, and \`${text(l.q)}\` is false from here on)`));
  };
  marks(0);
  for (let i = 1; i <= n; i++) {
    const { action, args } = model.decodeInstance(lasso.steps[i - 1]);
    lines.push(`  ${dim(`step ${i}`)}  ${bold(describeStep(model, action, args))}`);
    const cur = model.decode(lasso.states[i]);
    changes(prev, cur);
    prev = cur;
    marks(i);
  }
  if (lv.closing >= 0) {
    const { action, args } = model.decodeInstance(lv.closing);
    lines.push(`  ${dim(`step ${n + 1}`)}  ${bold(describeStep(model, action, args))}`);
    changes(prev, model.decode(lasso.states[lv.loop]));
    lines.push(`  ${bold(`↻ back to ${stateName(lv.loop)}: the loop repeats forever`)}`);
  } else {
    lines.push(`  ${bold(`↻ then nothing changes: ${stateName(lv.loop)} repeats forever (stuttering)`)}`);
  }
  lines.push("");
  lines.push(...whyLines(model, v.property.index, lv, lasso, verdict, text));
  return lines.join("\n");
}

function whyLines(model: Model, k: number, lv: Lasso, lasso: ConcreteLasso, verdict: LassoVerdict, text: (e: I.Expr) => string): string[] {
  const spec = model.spec;
  const l = spec.liveness![k];
  const binding = lv.binding;
  const lines: string[] = [];
  if (verdict.kind !== "violates") {
    lines.push(`  on this spec the lasso ${verdict.kind === "holds" ? "no longer violates the property" : verdict.kind === "unfair" ? "is not fair" : "fails well_typed"}`);
    return lines;
  }
  const locals: Value[] = new Array(Math.max(1, l.nLocals));
  l.binders.forEach((b, i) => (locals[b.local] = choiceValue(b.ty, binding[i])));
  const explain = (i: number, e: I.Expr, holds: boolean) => explainExpr({ spec, state: stateValues(model.layout, lasso.states[i]) }, e, locals, holds);
  const bindingShown = bindingText(l, binding);
  lines.push(`  why \`${l.name}\` fails${bindingShown ? ` for ${bindingShown}` : ""}:`);
  if (l.kind === "leadsto" && verdict.trigger !== null) {
    // An atom's explanation repeats the heading: leave it out.
    const why = explain(verdict.trigger, l.p!, true).filter((x) => x !== `\`${text(l.p!)}\` holds`);
    lines.push(`    \`${text(l.p!)}\` holds ${shortState(verdict.trigger)}${why.length ? ":" : ""}`);
    for (const x of why) lines.push(`      ${x}`);
  }
  const loop = loopStates(lasso);
  if (l.kind === "stable") {
    const at = loop.find((i) => model.checkLive(k, 1, lv.instance, lasso.states[i]) !== 1) ?? loop[0];
    lines.push(`    on the loop, \`${text(l.q)}\` is false ${shortState(at)}:`);
    for (const x of explain(at, l.q, false)) lines.push(`      ${x}`);
  } else {
    const from = l.kind === "eventually" ? 0 : l.kind === "leadsto" && verdict.trigger !== null ? verdict.trigger : lasso.loop;
    lines.push(`    \`${text(l.q)}\` is false ${from === lasso.loop ? "in every state of the loop" : `${shortState(from)} and in every state after it, the loop's included`}:`);
    const seen = new Set<string>();
    let shown = 0;
    for (let i = Math.min(from, lasso.loop); i < lasso.states.length && shown < MAX_LOOP_LINES; i++) {
      if (i < from) continue;
      const why = explain(i, l.q, false).join("; ");
      if (seen.has(why)) continue;
      seen.add(why);
      shown++;
      lines.push(`      ${shortState(i)}: ${why}`);
    }
  }
  lines.push(...fairnessLines(model, fairnessOf(model), lasso, verdict.groups, verdict.escapes));
  return lines;
}

/** "step 3", "steps 2, 3 and 7". */
function steps(ns: readonly number[]): string {
  if (ns.length === 1) return `step ${ns[0]}`;
  return `steps ${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`;
}

function fairnessLines(model: Model, fairness: Fairness, lasso: ConcreteLasso, groups: readonly GroupOnLoop[], escapes: readonly { inst: number; at: number }[]): string[] {
  const lines: string[] = [];
  const loopSize = lasso.states.length - lasso.loop;
  const fairByKey = new Map<string, { g: GroupOnLoop | null; kind: "weak" | "strong" }>();
  const key = (action: number, params: readonly number[]) => `${action}:${params.join(",")}`;
  fairness.groups.forEach((g, i) => fairByKey.set(key(g.action, g.params), { g: groups.find((x) => x.group === i) ?? null, kind: g.kind }));
  const at = (xs: readonly number[]) => xs.map(shortState).join(", ");
  const status = (g: GroupOnLoop | null, kind: "weak" | "strong"): string => {
    const word = kind === "weak" ? "weakly fair" : "strongly fair";
    if (!g) return `${word}, but never enabled on the loop`;
    if (g.takenAt.length > 0) return `${word}, and taken on the loop (${steps(g.takenAt.map((i) => i + 1))})`;
    if (kind === "weak" && g.enabledAt.length < loopSize) {
      const off = loopStates(lasso).filter((i) => !g.enabledAt.includes(i));
      return `${word}, but disabled ${at(off.slice(0, 3))}: not enabled throughout the loop, so not forced`;
    }
    return `${word}: enabled ${at(g.enabledAt.slice(0, 3))} and never taken`;
  };
  // The steps that would end the violation, by action and parameters.
  const exits = new Map<string, { action: number; params: number[]; at: number[] }>();
  for (const e of escapes) {
    const { action, params } = paramsOf(model, e.inst);
    const k = key(action, params);
    const x = exits.get(k) ?? { action, params, at: [] };
    if (!x.at.includes(e.at)) x.at.push(e.at);
    exits.set(k, x);
  }
  if (exits.size > 0) {
    lines.push("  why nothing forces a way out:");
    for (const [k, x] of exits) {
      const f = fairByKey.get(k);
      let why = f ? status(f.g, f.kind) : "not fair: a behaviour may leave it enabled forever and never take it";
      // Taken, but never where it would end the violation: its fairness is met another way.
      if (f?.g && f.g.takenAt.length > 0) why += ", but in a way that does not end it: its fairness is met all the same";
      // Two lines, so none grows past 160 characters however long the reason.
      lines.push(`    ${groupText(model, x.action, x.params)} would end it (enabled ${at(x.at.slice(0, 3))}${x.at.length > 3 ? ", ..." : ""}):`, `      ${why}`);
    }
  } else if (lasso.closing < 0 && groups.length === 0) {
    lines.push(`  why nothing forces a way out: no step can end it from here, and stopping is allowed (no fair action is enabled)`);
  }
  const others = groups.filter((g) => ![...exits.keys()].includes(key(fairness.groups[g.group].action, fairness.groups[g.group].params)));
  if (others.length > 0) {
    lines.push("  fairness on the loop:");
    for (const g of others.slice(0, 8)) {
      const fg = fairness.groups[g.group];
      lines.push(`    ${groupText(model, fg.action, fg.params)}: ${status(g, fg.kind)}`);
    }
    if (others.length > 8) lines.push(`    ... and ${others.length - 8} more, all met`);
  }
  return lines;
}
