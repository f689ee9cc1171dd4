// Parsing option values: `--const NAME=VALUE` (or a sweep: `NAME=0..3`, `NAME=4,7`), counts and
// sizes. Bad values are usage errors with a plain message.

import { InputError } from "../lang/read.js";

export type ConstArg = { name: string; values: (number | boolean)[] };

function parseScalar(text: string, arg: string): number | boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  if (!/^-?\d+$/.test(text)) throw new InputError(`--const ${arg}: \`${text}\` is not an integer or a boolean`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new InputError(`--const ${arg}: ${text} is too large`);
  return n;
}

/** `N=3`, `F=0..3`, `N=4,7`. */
export function parseConstArg(arg: string): ConstArg {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(arg);
  if (!m) throw new InputError(`--const ${arg}: expected NAME=VALUE, NAME=LO..HI or NAME=V1,V2`);
  const [, name, rhs] = m;
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(rhs);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (lo > hi) throw new InputError(`--const ${arg}: the range ${lo}..${hi} is empty`);
    if (hi - lo > 1000) throw new InputError(`--const ${arg}: a sweep of ${hi - lo + 1} values is too many`);
    return { name, values: Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) };
  }
  return { name, values: rhs.split(",").map((v) => parseScalar(v.trim(), arg)) };
}

/** Every combination of the swept consts, in order (the last name varies fastest). */
export function constCombinations(args: readonly ConstArg[]): Record<string, number | boolean>[] {
  const merged = new Map<string, (number | boolean)[]>();
  for (const a of args) merged.set(a.name, a.values);
  let combos: Record<string, number | boolean>[] = [{}];
  for (const [name, values] of merged) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  return combos;
}

export function parseCount(flag: string, text: string): number {
  const clean = text.replace(/_/g, "");
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(clean);
  if (!m) throw new InputError(`${flag} ${text}: expected a number such as 1000000 or 5M`);
  const mult = { "": 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase() as "" | "k" | "m" | "g"];
  return Math.round(Number(m[1]) * mult);
}

export function parseBytes(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)i?[bB]?$/.exec(text.trim());
  if (!m) throw new InputError(`${flag} ${text}: expected a size such as 512M or 8G`);
  const mult = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[m[2].toLowerCase() as "" | "k" | "m" | "g" | "t"];
  return Math.round(Number(m[1]) * mult);
}

/** A repeatable option's values (no default: an absent option is undefined, and help shows no
 * `(default: [])`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
