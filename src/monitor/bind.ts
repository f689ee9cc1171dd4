// From an event (readable JSON values) to what the candidate engine runs: the action's index, each
// choice's code (or OPEN), and the observations as (slot, code) pairs. Every value goes through
// one conversion, `encodeReadable` (the model's encodeValue, src/model/layout.ts), so a new kind of
// value in the language needs no work here.

import { denOf, sizeOfTy, slotCount, type Ty } from "../ir/types.js";
import { closest } from "../lang/suggest.js";
import { encodeValue, keyText, type Readable } from "../model/layout.js";
import type { Model } from "../model/model.js";
import { deeperThan, printable } from "../util/untrusted.js";
import { shown } from "./event.js";
import type { EventView } from "./types.js";

/** A choice the event leaves open. */
export const OPEN = -0x80000000;

/** Writes `value`'s slot codes for type `ty` at `out[at..]`; null, or why it does not fit. */
export function encodeReadable(ty: Ty, value: unknown, out: Int32Array, at: number, where: string): string | null {
  if (value === null || value === undefined) return `${where}: expected a value, found ${value === null ? "null" : "nothing"}`;
  if (deeperThan(value, 16)) return `${where}: nested more than 16 levels deep; no value of the spec is`;
  const err = encodeValue(ty, value as Readable, out, at, where);
  return err === null ? null : printable(err, 200);
}

/** A part of a state: a variable, a map entry or a record field (`bal[2]`, `cfg.limit`). */
export interface Place {
  readonly text: string;
  readonly offset: number;
  readonly ty: Ty;
}

/** A delta check: the place's new value is its old value plus `by`. */
export interface DeltaCheck {
  place: Place;
  by: number;
}

/** One event, bound; reused from event to event (the arrays grow, never shrink). */
export class BoundEvent {
  /** -1: an observation only. */
  action = -1;
  /** Per choice of the action: its code, or OPEN. */
  codes: Int32Array;
  open = 0;
  /** The instance when no choice is open. */
  inst = -1;
  /** Observations: `nObs` pairs (slot, code) in `obs`. */
  obs = new Int32Array(64);
  nObs = 0;
  /** The observed places, and where each one's pairs end in `obs`. */
  readonly obsPlaces: Place[] = [];
  readonly obsEnds: number[] = [];
  readonly deltas: DeltaCheck[] = [];
  nDeltas = 0;

  constructor(maxChoices: number) {
    this.codes = new Int32Array(Math.max(1, maxChoices));
  }
}

function didYouMean(word: string, names: readonly string[], what: string): string {
  const g = closest(word, names);
  if (g) return `; did you mean \`${g}\`?`;
  return names.length ? ` (its ${what}: ${names.join(", ")})` : ` (it has no ${what})`;
}

export class Binder {
  private readonly actionIndex = new Map<string, number>();
  private readonly places = new Map<string, Place | null>();
  private readonly scratch: Int32Array;
  /** Per action: a list for encodeInstance, and its parameter and pick names. */
  private readonly args: number[][];
  private readonly choiceNames: { params: Set<string>; picks: Set<string> }[];
  readonly maxChoices: number;

  constructor(readonly model: Model) {
    model.actions.forEach((a, i) => this.actionIndex.set(a.name, i));
    this.args = model.actions.map((a) => new Array<number>(a.choices.length).fill(0));
    this.choiceNames = model.actions.map((a) => ({
      params: new Set(a.choices.filter((c) => c.kind === "param").map((c) => c.name)),
      picks: new Set(a.choices.filter((c) => c.kind === "pick").map((c) => c.name)),
    }));
    this.maxChoices = Math.max(1, ...model.actions.map((a) => a.choices.length));
    this.scratch = new Int32Array(Math.max(1, model.width));
  }

  newEvent(): BoundEvent {
    return new BoundEvent(this.maxChoices);
  }

  /** Binds `view` into `out`; returns null, or why the event does not fit the spec. */
  bind(view: EventView, out: BoundEvent): string | null {
    const model = this.model;
    out.open = 0;
    out.inst = -1;
    out.action = -1;
    if (view.action !== null) {
      const a = this.actionIndex.get(view.action);
      if (a === undefined) return `field action: no action ${shown(view.action)} in spec \`${model.spec.name}\`${didYouMean(view.action, model.actions.map((x) => x.name), "actions")}`;
      out.action = a;
      const err = this.bindChoices(view, a, out);
      if (err) return err;
    }
    return this.bindObservations(view, out);
  }

  private bindChoices(view: EventView, a: number, out: BoundEvent): string | null {
    const info = this.model.actions[a];
    const codes = out.codes;
    let open = 0;
    for (let i = 0; i < info.choices.length; i++) {
      const c = info.choices[i];
      const given = c.kind === "caller" ? view.caller : c.kind === "param" ? (Object.hasOwn(view.params, c.name) ? view.params[c.name] : undefined) : Object.hasOwn(view.picks, c.name) ? view.picks[c.name] : undefined;
      if (given === undefined || given === null) {
        codes[i] = OPEN;
        open++;
        continue;
      }
      const err = encodeReadable(c.ty, given, this.scratch, 0, c.kind === "caller" ? "field caller" : `field ${c.kind === "param" ? "params" : "picks"}.${c.name}`);
      if (err) return err;
      codes[i] = this.scratch[0];
    }
    const names = this.choiceNames[a];
    for (const k in view.params) if (Object.hasOwn(view.params, k) && !names.params.has(k)) return this.unknownChoice(info.name, "param", k, [...names.params]);
    for (const k in view.picks) if (Object.hasOwn(view.picks, k) && !names.picks.has(k)) return this.unknownChoice(info.name, "pick", k, [...names.picks]);
    if (view.caller !== undefined && !info.choices.some((c) => c.kind === "caller")) return `field caller: action \`${info.name}\` has no caller (no \`by\` clause)`;
    out.open = open;
    if (open === 0) {
      const args = this.args[a];
      for (let i = 0; i < args.length; i++) args[i] = codes[i];
      out.inst = this.model.encodeInstance(a, args);
      if (out.inst < 0) return `the choices of \`${info.name}\` do not name one of its instances`;
    }
    return null;
  }

  private unknownChoice(action: string, kind: "param" | "pick", k: string, names: string[]): string {
    const field = kind === "param" ? "params" : "picks";
    return `field ${field}: action \`${action}\` has no ${kind === "param" ? "parameter" : "pick"} ${shown(k)}${didYouMean(k, names, kind === "param" ? "parameters" : "picks")}`;
  }

  private bindObservations(view: EventView, out: BoundEvent): string | null {
    out.nObs = 0;
    // Setting an array's length is not free: only when there is something to drop.
    if (out.obsPlaces.length) {
      out.obsPlaces.length = 0;
      out.obsEnds.length = 0;
    }
    out.nDeltas = 0;
    for (const key in view.observed) {
      if (!Object.hasOwn(view.observed, key)) continue;
      const place = this.place(key);
      if (!place) return `field observed: ${this.placeProblem(key)}`;
      const w = slotCount(place.ty);
      const err = encodeReadable(place.ty, view.observed[key], this.scratch, 0, `field observed.${printable(key, 60)}`);
      if (err) return err;
      if (out.obs.length < 2 * (out.nObs + w)) {
        const grown = new Int32Array(Math.max(out.obs.length * 2, 2 * (out.nObs + w)));
        grown.set(out.obs);
        out.obs = grown;
      }
      for (let i = 0; i < w; i++) {
        out.obs[2 * out.nObs] = place.offset + i;
        out.obs[2 * out.nObs + 1] = this.scratch[i];
        out.nObs++;
      }
      out.obsPlaces.push(place);
      out.obsEnds.push(out.nObs);
    }
    for (const key in view.delta) {
      if (!Object.hasOwn(view.delta, key)) continue;
      const place = this.place(key);
      if (!place) return `field delta: ${this.placeProblem(key)}`;
      const by = view.delta[key];
      if (typeof by !== "number" || !Number.isFinite(by)) return `field delta.${printable(key, 60)}: expected a number (how much the value grew; negative if it shrank)`;
      if (place.ty.k !== "int") return `field delta.${printable(key, 60)}: only a number's change can be observed; \`${printable(key, 60)}\` is not a number (use \`observed\`)`;
      // A number with a step holds its value scaled by its denominator (src/ir/types.ts, IntTy).
      const den = denOf(place.ty);
      const scaled = by * den;
      if (!Number.isSafeInteger(scaled)) return `field delta.${printable(key, 60)}: expected ${den === 1 ? "a whole number" : `a multiple of 1/${den}`}, found ${by}`;
      const d = out.deltas[out.nDeltas] ?? (out.deltas[out.nDeltas] = { place, by: scaled });
      d.place = place;
      d.by = scaled;
      out.nDeltas++;
    }
    return null;
  }

  /** The place `text` names, or null; cached (only places that exist are many times named). */
  place(text: string): Place | null {
    const hit = this.places.get(text);
    if (hit !== undefined) return hit;
    const p = resolvePlace(this.model, text);
    if (p || this.places.size < 10_000) this.places.set(text, p);
    return p;
  }

  private placeProblem(text: string): string {
    const head = /^[^.[\]]*/.exec(text)![0];
    const vars = this.model.vars.map((v) => v.name);
    if (!vars.includes(head)) return `spec \`${this.model.spec.name}\` has no variable ${shown(head)}${didYouMean(head, vars, "variables")}`;
    return `${shown(text)} is not a part of variable \`${head}\` (name a map entry by its key, \`${head}[k]\`, or a record field, \`${head}.f\`)`;
  }
}

/** The slots and type of the part of a state that `text` names: `v`, `m[k]`, `r.f`, nested. */
export function resolvePlace(model: Model, text: string): Place | null {
  const head = /^[^.[\]]+/.exec(text);
  const v = head ? model.vars.find((x) => x.name === head[0]) : undefined;
  if (!head || !v) return null;
  let ty: Ty = v.ty;
  let offset = v.offset;
  let rest = text.slice(head[0].length);
  while (rest !== "") {
    const index = /^\[([^\]]+)\]/.exec(rest);
    const field = /^\.([^.[\]]+)/.exec(rest);
    if (index && ty.k === "map") {
      const key = ty.key;
      let ord = -1;
      for (let i = 0; i < sizeOfTy(key); i++) if (keyText(key, i) === index[1]) ord = i;
      if (ord < 0) return null;
      offset += ord * slotCount(ty.val);
      ty = ty.val;
    } else if (field && ty.k === "rec") {
      let o = 0;
      let found: Ty | null = null;
      for (const f of ty.fields) {
        if (f.name === field[1]) {
          found = f.ty;
          break;
        }
        o += slotCount(f.ty);
      }
      if (!found) return null;
      offset += o;
      ty = found;
    } else {
      return null;
    }
    rest = rest.slice((index ?? field)![0].length);
  }
  return { text, offset, ty };
}
