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

/** An EventView the reader fills in place, one per session, so reading an event allocates nothing. */
export type MutableEventView = { -readonly [K in keyof EventView]: EventView[K] };

export function emptyView(): MutableEventView {
  return { action: null, params: EMPTY, picks: EMPTY, observed: EMPTY, delta: EMPTY };
}

function recordOf(v: unknown): Readonly<Record<string, unknown>> | null | undefined {
  if (v === undefined || v === null) return EMPTY;
  return isRecord(v) ? v : null;
}

/** Reads the event a parsed line holds into `out`; null, or why it is not an event. */
export function readEvent(json: unknown, out: MutableEventView): string | null {
  if (!isRecord(json)) return `expected an event (a JSON object such as {"action": "deposit", "params": {"a": 0}}), found ${kindOf(json)}`;
  for (const k in json) {
    if (!Object.hasOwn(json, k) || k.charCodeAt(0) === 35 /* # */ || (KEYS as readonly string[]).includes(k)) continue;
    const g = closest(k, KEYS);
    return `unknown field ${shown(k)}${g ? `; did you mean \`${g}\`?` : ` (an event has ${KEYS.join(", ")}; fields starting with # are ignored)`}`;
  }
  const action = json.action;
  if (action !== undefined && (typeof action !== "string" || action === "")) return `field action: expected an action's name, found ${kindOf(action)}`;
  const params = recordOf(json.params);
  if (!params) return `field params: expected an object of names and values, found ${kindOf(json.params)}`;
  const picks = recordOf(json.picks);
  if (!picks) return `field picks: expected an object of names and values, found ${kindOf(json.picks)}`;
  const observed = recordOf(json.observed);
  if (!observed) return `field observed: expected an object of names and values, found ${kindOf(json.observed)}`;
  const delta = recordOf(json.delta);
  if (!delta) return `field delta: expected an object of names and values, found ${kindOf(json.delta)}`;
  const caller = json.caller === null ? undefined : json.caller;
  if (action === undefined) {
    if (params !== EMPTY || picks !== EMPTY || caller !== undefined) return "field action: missing (an event with params, caller or picks names its action; an event with only `observed` is an observation)";
    if (delta !== EMPTY) return "field delta: an observation (an event without `action`) takes no step, so nothing changes; use `observed`";
    if (observed === EMPTY) return "an empty event: expected `action` (a step) or `observed` (an observation)";
  }
  out.action = action ?? null;
  out.params = params;
  out.picks = picks;
  out.observed = observed;
  out.delta = delta;
  out.caller = caller;
  return null;
}
