// A mapping file (`--map pool.monitor.json`): how a system's own events become spec events.
//
//   {
//     "name": "event", "fields": "args",
//     "values": { "account": {"table": {"0xab..": 0}}, "units": {"scale": "1000000000000000000", "rounding": "exact"} },
//     "events": {
//       "Withdrawn": { "action": "withdraw", "params": {"a": {"field": "owner", "as": "account"}},
//                      "caller": {"field": "to", "as": "account"},
//                      "delta": {"pending[{a}]": {"field": "amount", "as": "units", "negate": true}} },
//       "Deposited": { "action": "deposit", "params": {"a": {"field": "owner", "as": "account"}}, "repeat": {"field": "amount", "as": "units"} },
//       "Approval": "ignore"
//     },
//     "unknown": "error"
//   }
//
// Checked with effect's Schema (errors name the field), then against the spec (actions, parameters,
// translations). A system event becomes `repeat` spec events (default one); its observations and
// deltas are checked after the last of them.

import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaIssue from "effect/SchemaIssue";
import { closest } from "../lang/suggest.js";
import type { Model } from "../model/model.js";
import { printable } from "../util/untrusted.js";
import { shownValue } from "./event.js";
import type { EventView } from "./types.js";
import { translate, type Translation } from "./values.js";

const Name = Schema.String.check(Schema.isMinLength(1, { message: "expected a non-empty name" }));
const RefSchema = Schema.Union([
  Name,
  Schema.Struct({ field: Schema.optionalKey(Name), const: Schema.optionalKey(Schema.Unknown), as: Schema.optionalKey(Name), negate: Schema.optionalKey(Schema.Boolean) }),
]);
const Refs = Schema.Record(Schema.String, RefSchema);
const EventMapSchema = Schema.Struct({
  action: Schema.optionalKey(Name),
  params: Schema.optionalKey(Refs),
  caller: Schema.optionalKey(RefSchema),
  picks: Schema.optionalKey(Refs),
  observed: Schema.optionalKey(Refs),
  delta: Schema.optionalKey(Refs),
  repeat: Schema.optionalKey(RefSchema),
});
const TranslationSchema = Schema.Struct({
  table: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown)),
  caseInsensitive: Schema.optionalKey(Schema.Boolean),
  scale: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[1-9][0-9]{0,76}$/, { message: "expected a positive integer as a string of digits" }))),
  rounding: Schema.optionalKey(Schema.Literals(["exact", "down", "up", "nearest"])),
});
export const MappingSchema = Schema.Struct({
  $comment: Schema.optionalKey(Schema.Unknown),
  name: Schema.optionalKey(Name),
  fields: Schema.optionalKey(Name),
  values: Schema.optionalKey(Schema.Record(Schema.String, TranslationSchema)),
  events: Schema.Record(Schema.String, Schema.Union([Schema.Literal("ignore"), EventMapSchema])),
  unknown: Schema.optionalKey(Schema.Literals(["error", "ignore"])),
});
type MappingJson = typeof MappingSchema.Type;
type RefJson = typeof RefSchema.Type;

/** Where a value comes from: a field of the system event (translated), or a constant. */
type Ref = { readonly field: string; readonly as: Translation | null; readonly negate: boolean } | { readonly const: unknown };

interface EventMap {
  readonly action: string | null;
  readonly params: readonly (readonly [string, Ref])[];
  readonly caller: Ref | null;
  readonly picks: readonly (readonly [string, Ref])[];
  readonly observed: readonly (readonly [string, Ref])[];
  readonly delta: readonly (readonly [string, Ref])[];
  readonly repeat: Ref | null;
}

export interface Mapping {
  readonly nameKey: string;
  readonly fieldsKey: string | null;
  readonly events: ReadonlyMap<string, EventMap | "ignore">;
  readonly unknown: "error" | "ignore";
}

/** At most this many spec events from one system event. */
export const MAX_REPEAT = 10_000;

const decode = Schema.decodeUnknownResult(MappingSchema, { errors: "all", onExcessProperty: "error" });
const formatter = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => (issue._tag === "MissingKey" ? "missing" : SchemaIssue.defaultLeafHook(issue)),
  checkHook: (issue) => {
    const message = issue.filter.annotations?.message;
    return typeof message === "string" ? message : undefined;
  },
});

function fieldPath(path: readonly unknown[]): string {
  return path.map((p) => String(typeof p === "object" && p !== null && "key" in p ? (p as { key: unknown }).key : p)).join(".");
}

function schemaProblems(json: unknown): { ok: MappingJson } | { problems: string[] } {
  const r = decode(json);
  if (Result.isSuccess(r)) return { ok: r.success };
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of formatter(r.failure.issue).issues) {
    const place = fieldPath(issue.path ?? []);
    if (seen.has(place)) continue;
    seen.add(place);
    const message = issue.message === "Expected no excess property" ? "unknown field" : issue.message.replace(/^Expected /, "expected ").replace(/, got /, ", found ");
    problems.push(`${place ? `field ${printable(place, 100)}` : "the file"}: ${message}`);
  }
  return { problems };
}

/** Checks a mapping's JSON against the schema and the spec; the mapping, or every problem. */
export function readMapping(json: unknown, model: Model): { mapping: Mapping } | { problems: string[] } {
  const decoded = schemaProblems(json);
  if ("problems" in decoded) return decoded;
  const m = decoded.ok;
  const problems: string[] = [];
  const values = new Map<string, Translation>();
  for (const [name, t] of Object.entries(m.values ?? {})) {
    const at = `field values.${printable(name, 60)}`;
    if ((t.table === undefined) === (t.scale === undefined)) problems.push(`${at}: expected either "table" (a lookup) or "scale" (an amount divided by a scale)`);
    else if (t.table !== undefined) {
      if (t.rounding !== undefined) problems.push(`${at}.rounding: only a "scale" rounds`);
      const ci = t.caseInsensitive ?? false;
      values.set(name, { kind: "table", table: new Map(Object.entries(t.table).map(([k, v]) => [ci ? k.toLowerCase() : k, v])), caseInsensitive: ci });
    } else {
      if (t.caseInsensitive !== undefined) problems.push(`${at}.caseInsensitive: only a "table" looks up names`);
      if (t.rounding === undefined) problems.push(`${at}.rounding: missing (say how amounts that are not whole units round: "exact" refuses them, or "down", "up", "nearest")`);
      values.set(name, { kind: "scale", scale: BigInt(t.scale!), rounding: t.rounding ?? "exact" });
    }
  }
  const ref = (r: RefJson, at: string): Ref | null => {
    if (typeof r === "string") return { field: r, as: null, negate: false };
    if ((r.field === undefined) === (r.const === undefined)) {
      problems.push(`${at}: expected either "field" (a field of the event) or "const" (a fixed value)`);
      return null;
    }
    if (r.const !== undefined) {
      if (r.as !== undefined || r.negate !== undefined) problems.push(`${at}: a "const" is not translated`);
      return { const: r.const };
    }
    let as: Translation | null = null;
    if (r.as !== undefined) {
      as = values.get(r.as) ?? null;
      if (!as) {
        const g = closest(r.as, values.keys());
        problems.push(`${at}.as: no translation \`${printable(r.as, 60)}\` in "values"${g ? `; did you mean \`${g}\`?` : ""}`);
      }
    }
    return { field: r.field!, as, negate: r.negate ?? false };
  };
  const events = new Map<string, EventMap | "ignore">();
  for (const [name, e] of Object.entries(m.events)) {
    const at = `field events.${printable(name, 60)}`;
    if (e === "ignore") {
      events.set(name, "ignore");
      continue;
    }
    const entries = (rec: Readonly<Record<string, RefJson>> | undefined, field: string) =>
      Object.entries(rec ?? {}).flatMap(([k, r]) => {
        const x = ref(r, `${at}.${field}.${printable(k, 60)}`);
        return x ? [[k, x] as const] : [];
      });
    const em: EventMap = {
      action: e.action ?? null,
      params: entries(e.params, "params"),
      caller: e.caller !== undefined ? ref(e.caller, `${at}.caller`) : null,
      picks: entries(e.picks, "picks"),
      observed: entries(e.observed, "observed"),
      delta: entries(e.delta, "delta"),
      repeat: e.repeat !== undefined ? ref(e.repeat, `${at}.repeat`) : null,
    };
    checkAgainstSpec(em, e, at, model, problems);
    events.set(name, em);
  }
  if (problems.length) return { problems };
  return { mapping: { nameKey: m.name ?? "event", fieldsKey: m.fields ?? null, events, unknown: m.unknown ?? "error" } };
}

function checkAgainstSpec(em: EventMap, e: typeof EventMapSchema.Type, at: string, model: Model, problems: string[]): void {
  if (em.action === null) {
    if (em.params.length || em.caller || em.picks.length || em.delta.length || em.repeat) problems.push(`${at}: without "action" an event only observes: it takes no params, caller, picks, delta or repeat`);
    if (!em.observed.length) problems.push(`${at}: expected "action" (the spec action it is), "observed", or the string "ignore"`);
    return;
  }
  const names = model.actions.map((a) => a.name);
  const info = model.actions.find((a) => a.name === em.action);
  if (!info) {
    const g = closest(em.action, names);
    problems.push(`${at}.action: no action \`${printable(em.action, 60)}\` in spec \`${model.spec.name}\`${g ? `; did you mean \`${g}\`?` : ` (its actions: ${names.join(", ")})`}`);
    return;
  }
  for (const [field, kind] of [["params", "param"], ["picks", "pick"]] as const) {
    const declared = info.choices.filter((c) => c.kind === kind).map((c) => c.name);
    for (const k of Object.keys(e[field] ?? {})) {
      if (declared.includes(k)) continue;
      const g = closest(k, declared);
      problems.push(`${at}.${field}.${printable(k, 60)}: action \`${info.name}\` has no ${kind === "param" ? "parameter" : "pick"} \`${printable(k, 60)}\`${g ? `; did you mean \`${g}\`?` : ""}`);
    }
  }
  if (em.caller && !info.choices.some((c) => c.kind === "caller")) problems.push(`${at}.caller: action \`${info.name}\` has no caller (no \`by\` clause)`);
  if (em.repeat && em.delta.length) problems.push(`${at}: "delta" cannot be combined with "repeat" (the change over several steps is not one step's change); use "observed"`);
  const names2 = new Set([...em.params.map(([k]) => k), ...em.picks.map(([k]) => k), ...(em.caller ? ["caller"] : [])]);
  for (const [field, list] of [["observed", em.observed], ["delta", em.delta]] as const) {
    for (const [place] of list) {
      for (const m of place.matchAll(/\{([^{}]*)\}/g)) {
        if (!names2.has(m[1])) problems.push(`${at}.${field}.${printable(place, 60)}: \`{${printable(m[1], 60)}}\` names no parameter, pick or caller this mapping gives`);
      }
    }
  }
}

/** A system event's name and fields. */
function fieldsOf(m: Mapping, json: unknown): { name: string; fields: Record<string, unknown> } | string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "expected a JSON object (a system event)";
  const rec = json as Record<string, unknown>;
  const name = Object.hasOwn(rec, m.nameKey) ? rec[m.nameKey] : undefined;
  if (typeof name !== "string") return `field ${printable(m.nameKey, 60)}: expected the event's name (a string), found ${shownValue(name)}`;
  if (m.fieldsKey === null) return { name, fields: rec };
  const f = Object.hasOwn(rec, m.fieldsKey) ? rec[m.fieldsKey] : undefined;
  if (typeof f !== "object" || f === null || Array.isArray(f)) return `field ${printable(m.fieldsKey, 60)}: expected the event's fields (an object)`;
  return { name, fields: f as Record<string, unknown> };
}

/** The spec events a system event stands for (none for an ignored one), or why it cannot be read. */
export function applyMapping(m: Mapping, json: unknown): EventView[] | string {
  const got = fieldsOf(m, json);
  if (typeof got === "string") return got;
  const em = m.events.get(got.name);
  if (em === undefined) {
    if (m.unknown === "ignore") return [];
    const g = closest(got.name, m.events.keys());
    return `event \`${printable(got.name, 60)}\` is not in the mapping${g ? `; did you mean \`${g}\`?` : ""} (list it, with "ignore" if it does not matter to the spec)`;
  }
  if (em === "ignore") return [];
  let error: string | null = null;
  const value = (r: Ref, what: string): unknown => {
    if ("const" in r) return r.const;
    if (!Object.hasOwn(got.fields, r.field)) {
      error ??= `${what}: the event has no field \`${printable(r.field, 60)}\``;
      return undefined;
    }
    let v: unknown = got.fields[r.field];
    if (r.as) {
      const t = translate(r.as, v, `${what} (field ${printable(r.field, 60)})`);
      if ("error" in t) {
        error ??= t.error;
        return undefined;
      }
      v = t.value;
    }
    if (r.negate) {
      if (typeof v !== "number") {
        error ??= `${what}: "negate" needs a number, found ${shownValue(v)}`;
        return undefined;
      }
      v = -v;
    }
    return v;
  };
  const params: Record<string, unknown> = Object.create(null);
  const picks: Record<string, unknown> = Object.create(null);
  for (const [k, r] of em.params) params[k] = value(r, `params.${k}`);
  for (const [k, r] of em.picks) picks[k] = value(r, `picks.${k}`);
  const caller = em.caller ? value(em.caller, "caller") : undefined;
  const names = (k: string): unknown => (k === "caller" ? caller : Object.hasOwn(params, k) ? params[k] : picks[k]);
  const fill = (place: string) => place.replace(/\{([^{}]*)\}/g, (_, k: string) => String(names(k)));
  const observed: Record<string, unknown> = Object.create(null);
  const delta: Record<string, unknown> = Object.create(null);
  for (const [k, r] of em.observed) observed[fill(k)] = value(r, `observed.${k}`);
  for (const [k, r] of em.delta) delta[fill(k)] = value(r, `delta.${k}`);
  let times = 1;
  if (em.repeat) {
    const n = value(em.repeat, "repeat");
    if (error === null && (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > MAX_REPEAT)) error = `repeat: expected a whole number of steps from 0 to ${MAX_REPEAT}, found ${shownValue(n)}`;
    else times = n as number;
  }
  if (error !== null) return `event \`${printable(got.name, 60)}\`, ${error}`;
  const step = (last: boolean): EventView => ({
    action: em.action,
    params,
    picks,
    observed: last ? observed : EMPTY,
    delta: last ? delta : EMPTY,
    ...(caller !== undefined ? { caller } : {}),
  });
  return Array.from({ length: times }, (_, i) => step(i === times - 1));
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);
