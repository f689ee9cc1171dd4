// Values and steps in words, as a spec writes them: readable values and action instances. A state's
// leaves and what changed between two states are src/trace/diff.ts's.

import { choiceReadable, type Readable } from "../model/layout.js";
import { valueText } from "../trace/show.js";
import type { Model } from "../model/model.js";

/** A readable value as written in a spec, without its type: `[1, 2]`, `{0: 3, 1: 2}`. */
export function formatReadable(v: Readable): string {
  return valueText(undefined, v);
}

/** `withdraw(a = 1) by caller = 0, pick x = 2` */
export function describeStep(model: Model, action: number, args: readonly number[]): string {
  const a = model.actions[action];
  const show = (i: number) => valueText(a.choices[i].ty, choiceReadable(a.choices[i].ty, args[i]));
  const params = a.choices.map((c, i) => (c.kind === "param" ? `${c.name} = ${show(i)}` : null)).filter((x) => x !== null);
  const caller = a.choices.findIndex((c) => c.kind === "caller");
  const picks = a.choices.map((c, i) => (c.kind === "pick" ? `${c.name} = ${show(i)}` : null)).filter((x) => x !== null);
  let text = `${a.name}(${params.join(", ")})`;
  if (caller >= 0) text += ` by ${a.choices[caller].name} = ${show(caller)}`;
  if (picks.length) text += `, pick ${picks.join(", ")}`;
  return text;
}

