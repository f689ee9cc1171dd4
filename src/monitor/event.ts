// A spec-level event, as one line of the monitor's input holds it:
//   {"action": "withdraw", "params": {"a": 2}, "caller": 2, "picks": {...},
//    "observed": {"bal[2]": 5}, "delta": {"slashed": 1}}
// A missing parameter, caller or pick is open (partial observation); an event without `action`
// only observes. Keys starting with `#` are the log's own (timestamps, block numbers) and ignored.
// Values stay readable JSON here; bind.ts turns them into codes with the spec's types.

import { closest } from "../lang/suggest.js";
import { cutDepth, printable, safeJson } from "../util/untrusted.js";
import type { EventView } from "./types.js";

const KEYS = ["action", "params", "caller", "picks", "observed", "delta"] as const;
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `name` as a message shows it: escaped, cut, in backticks. */
export function shown(name: string): string {
  return `\`${printable(name, 60)}\``;
}

/** A short rendering of an untrusted value for a message. */
export function shownValue(v: unknown): string {
  return printable(v === undefined ? "nothing" : safeJson(cutDepth(v, 4)), 60);
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${shownValue(v)}`;
  return `${typeof v} ${shownValue(v)}`;
}

/** The event a parsed line holds, or why it is not one. */
export function readEvent(json: unknown): EventView | string {
  if (!isRecord(json)) return `expected an event (a JSON object such as {"action": "deposit", "params": {"a": 0}}), found ${kindOf(json)}`;
  for (const k of Object.keys(json)) {
    if (k.startsWith("#") || (KEYS as readonly string[]).includes(k)) continue;
    const g = closest(k, KEYS);
    return `unknown field ${shown(k)}${g ? `; did you mean \`${g}\`?` : ` (an event has ${KEYS.join(", ")}; fields starting with # are ignored)`}`;
  }
  const action = json.action;
  if (action !== undefined && (typeof action !== "string" || action === "")) return `field action: expected an action's name, found ${kindOf(action)}`;
  const records: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const k of ["params", "picks", "observed", "delta"] as const) {
    const v = json[k];
    if (v === undefined || v === null) records[k] = EMPTY;
    else if (!isRecord(v)) return `field ${k}: expected an object of names and values, found ${kindOf(v)}`;
    else records[k] = v;
  }
  if (action === undefined) {
    if (records.params !== EMPTY || records.picks !== EMPTY || json.caller !== undefined) return "field action: missing (an event with params, caller or picks names its action; an event with only `observed` is an observation)";
    if (records.delta !== EMPTY) return "field delta: an observation (an event without `action`) takes no step, so nothing changes; use `observed`";
    if (records.observed === EMPTY) return "an empty event: expected `action` (a step) or `observed` (an observation)";
  }
  const view: EventView = {
    action: action ?? null,
    params: records.params,
    picks: records.picks,
    observed: records.observed,
    delta: records.delta,
    ...(json.caller !== undefined && json.caller !== null ? { caller: json.caller } : {}),
  };
  return view;
}
