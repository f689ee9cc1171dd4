// Event logs from runs of the spec itself: a path of action instances (a counterexample's steps,
// a random walk) written as the monitor's events, with some choices hidden and some places
// observed. The tests and the bench make their logs here; a user can turn a saved counterexample
// into a log the same way (its steps are bindTrace's instances).

import { Rng } from "../explore/rng.js";
import { choiceReadable, decodeValue, type Readable } from "../model/layout.js";
import { ENABLED, type Model } from "../model/model.js";
import { resolvePlace } from "./bind.js";

/** Which choices an event leaves out, and which places of the state after it it reports. */
export interface EventShape {
  readonly hideCaller?: boolean;
  /** true: every parameter; a list: those named. */
  readonly hideParams?: boolean | readonly string[];
  readonly hidePicks?: boolean;
  /** Places (`bal`, `bal[2]`) whose values after the step are reported in `observed`. */
  readonly observe?: readonly string[];
}

export type EventJson = { action: string; params: Record<string, Readable>; caller?: Readable; picks?: Record<string, Readable>; observed?: Record<string, Readable> };

/** The event of instance `inst`, which led to state `after`. */
export function eventOf(model: Model, inst: number, after: Int32Array, shape: EventShape = {}): EventJson {
  const { action, args } = model.decodeInstance(inst);
  const info = model.actions[action];
  const ev: EventJson = { action: info.name, params: {} };
  const picks: Record<string, Readable> = {};
  const hidden = (name: string) => shape.hideParams === true || (Array.isArray(shape.hideParams) && shape.hideParams.includes(name));
  info.choices.forEach((c, i) => {
    const v = choiceReadable(c.ty, args[i]);
    if (c.kind === "caller") {
      if (!shape.hideCaller) ev.caller = v;
    } else if (c.kind === "param") {
      if (!hidden(c.name)) ev.params[c.name] = v;
    } else if (!shape.hidePicks) picks[c.name] = v;
  });
  if (Object.keys(picks).length) ev.picks = picks;
  if (shape.observe?.length) {
    const observed: Record<string, Readable> = {};
    for (const p of shape.observe) {
      const place = resolvePlace(model, p);
      if (!place) throw new Error(`eventOf: no place ${p} in spec ${model.spec.name}`);
      observed[p] = decodeValue(place.ty, after, place.offset);
    }
    ev.observed = observed;
  }
  return ev;
}

/** The events of a path of instances from the initial state (every one must be enabled). */
export function eventsOfPath(model: Model, instances: readonly number[], shape: EventShape = {}): EventJson[] {
  let s = new Int32Array(model.width);
  model.init(s);
  return instances.map((inst, k) => {
    const d = new Int32Array(model.width);
    if (model.apply(s, d, inst) !== ENABLED) throw new Error(`eventsOfPath: step ${k + 1} is not enabled`);
    s = d;
    return eventOf(model, inst, d, shape);
  });
}

/**
 * A random walk of up to `steps` steps from the initial state: each step uniform among the enabled
 * instances whose successor can itself move (so the walk does not run into a dead end when another
 * way exists); shorter only if every way ends. Seeded: the same seed gives the same walk.
 */
export function randomPath(model: Model, steps: number, seed: number): number[] {
  const rng = new Rng(seed);
  const s = new Int32Array(model.width);
  const d = new Int32Array(model.width);
  const e = new Int32Array(model.width);
  model.init(s);
  const path: number[] = [];
  const live: number[] = [];
  const any: number[] = [];
  const canMove = (x: Int32Array) => {
    for (let i = 0; i < model.instanceCount; i++) if (model.apply(x, e, i) === ENABLED) return true;
    return false;
  };
  while (path.length < steps) {
    live.length = 0;
    any.length = 0;
    for (let i = 0; i < model.instanceCount; i++) {
      if (model.apply(s, d, i) !== ENABLED) continue;
      any.push(i);
      if (canMove(d)) live.push(i);
    }
    const from = live.length ? live : any;
    if (from.length === 0) break;
    const inst = from[rng.below(from.length)];
    model.apply(s, d, inst);
    s.set(d);
    path.push(inst);
  }
  return path;
}
