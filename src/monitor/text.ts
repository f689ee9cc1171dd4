// The monitor's reports for people. Event data is untrusted: every value taken from an event goes
// through safeJson/printable (src/util/untrusted.ts) before it is printed.

import pc from "picocolors";
import { printable, safeJson } from "../util/untrusted.js";
import type { AlertReason, BadLine, BoundHit, EventPlace, EventView, Inconclusive, MonitorAlert, MonitorReport, MonitorSummary } from "./types.js";

export interface MonitorTextOptions {
  readonly color?: boolean;
  /** The input's name, prefixed to line numbers (`events.jsonl:7`). */
  readonly source?: string;
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
const fmt = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

function where(at: EventPlace, o: MonitorTextOptions): string {
  const line = o.source ? `${printable(o.source, 200)}:${at.line}` : `line ${at.line}`;
  return at.part ? `${line} (step ${at.part.index} of ${at.part.of})` : line;
}

/** The event as JSON, without its empty fields. */
export function eventJson(v: EventView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v.action !== null) out.action = v.action;
  if (Object.keys(v.params).length) out.params = v.params;
  if (v.caller !== undefined) out.caller = v.caller;
  if (Object.keys(v.picks).length) out.picks = v.picks;
  if (Object.keys(v.observed).length) out.observed = v.observed;
  if (Object.keys(v.delta).length) out.delta = v.delta;
  return out;
}

function headline(r: AlertReason): string {
  switch (r.kind) {
    case "property": {
      const p = r.property.kind === "well_typed" ? "`well_typed`" : `${r.property.kind === "invariant" ? "invariant" : "step property"} \`${r.property.name}\``;
      return r.step ? `${r.step} violates ${p}` : `the initial state violates ${p}`;
    }
    case "disabled":
      return `${r.step} is not enabled`;
    case "observed":
      return `${r.step ? `after ${r.step}, ` : ""}${r.place} is ${safeJson(r.expected)} in the spec, but the event ${r.delta ? "implies" : "observed"} ${safeJson(r.found)}`;
  }
}

function reasonLines(r: AlertReason): string[] {
  const loc = (l: { file: string; line: number; col: number } | undefined) => (l ? ` (${l.file}:${l.line}:${l.col})` : "");
  switch (r.kind) {
    case "property":
      if (r.property.kind === "well_typed") return [`${r.why.join(" ")}${loc(r.location)}`];
      return [`why \`${r.property.name}\` is false${loc(r.location)}:`, ...r.why.map((l) => `  ${l}`)];
    case "disabled":
      if (!r.guard) return r.why.slice();
      return [`\`${r.guard}\`${loc(r.location)} is false:`, ...r.why.map((l) => `  ${l}`)];
    case "observed":
      if (!r.delta) return [];
      return [`${r.place} was ${safeJson(r.delta.before)}: the spec's step changes it by ${signed(Number(r.expected) - Number(r.delta.before))}, the event reports ${signed(r.delta.by)}`];
  }
}

export function renderAlert(a: MonitorAlert, o: MonitorTextOptions = {}): string {
  const bad = o.color ? (s: string) => pc.red(pc.bold(s)) : (s: string) => s;
  const dim = o.color ? pc.dim : (s: string) => s;
  const lines = [bad(`✗ ${a.view ? where(a.at, o) : "before the first event"}: ${headline(a.reason)}`)];
  if (a.view) lines.push(`    event: ${printable(safeJson(eventJson(a.view)), 400)}`);
  if (a.source !== undefined) lines.push(`    system event: ${printable(safeJson(a.source), 400)}`);
  for (const l of reasonLines(a.reason)) lines.push(`    ${l}`);
  if (a.view) lines.push(dim(`    ${plural(a.candidates, "candidate state")} live before this event${a.candidates === 1 ? "" : "; the reason is shown for the first one"}`));
  if (a.trace) lines.push(`    trace so far: ${a.trace} (stakecheck replay ${a.trace})`);
  if (a.saveError) lines.push(`    ${a.saveError}`);
  return lines.join("\n");
}

export function renderBadLine(b: BadLine, o: MonitorTextOptions = {}): string {
  return `${o.source ? printable(o.source, 200) : "line"}${o.source ? ":" : " "}${b.line}: ${b.message}`;
}

export function renderBound(b: BoundHit, o: MonitorTextOptions = {}): string {
  return `note: ${where(b.at, o)}: more than ${fmt(b.max)} candidate states (--max-candidates); ${plural(b.dropped, "state")} dropped. From here on, an event that no kept candidate explains is reported as inconclusive, never as a violation.`;
}

export function renderInconclusive(i: Inconclusive, o: MonitorTextOptions = {}): string {
  const lines = [`? ${where(i.at, o)}: no kept candidate state explains this event, but candidates were dropped at ${where(i.bound.at, o)} (--max-candidates ${fmt(i.bound.max)}): the monitor cannot tell whether it breaks the spec`];
  lines.push(`    for the kept candidates: ${headline(i.reason)}`);
  lines.push("    rerun with a larger --max-candidates, or observe more of the state in the events");
  return lines.join("\n");
}

export function renderReport(r: MonitorReport, o: MonitorTextOptions = {}): string {
  switch (r.kind) {
    case "violation":
      return renderAlert(r, o);
    case "bad-line":
      return renderBadLine(r, o);
    case "bound":
      return renderBound(r, o);
    case "inconclusive":
      return renderInconclusive(r, o);
  }
}

/** `stakecheck monitor: OK · 12 lines, 12 events, 12 steps · 1 candidate state live (at most 3) · 0.01 s` */
export function renderSummary(s: MonitorSummary): string {
  const head = {
    holds: "OK",
    violated: `VIOLATION at line ${s.alert?.at.line ?? 0}`,
    "bad-input": s.badLines ? `BAD INPUT (${plural(s.badLines, "bad line")})` : "BAD INPUT",
    incomplete: s.inconclusive ? `INCONCLUSIVE at line ${s.inconclusive.at.line}` : "INTERRUPTED",
  }[s.verdict];
  const parts = [`stakecheck monitor: ${head}`, `${plural(s.lines, "line")}, ${plural(s.events, "event")}, ${plural(s.steps, "step")}${s.verdict === "holds" ? ", no violation" : ""}`];
  parts.push(`${plural(s.candidates, "candidate state")} live (at most ${fmt(s.maxCandidates)})`);
  if (s.bound) parts.push(`candidate bound hit at line ${s.bound.at.line}`);
  if (s.verdict === "incomplete" && !s.inconclusive) parts.push("no violation in the events read");
  parts.push(`${s.seconds.toFixed(2)} s`);
  return parts.join(" · ");
}
