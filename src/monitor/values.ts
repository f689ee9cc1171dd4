// Value translations of a mapping file: from what a system logs to what the spec counts.
//   table: a lookup (addresses to account indexes, status strings to enum members)
//   scale: an integer amount divided by a declared scale (wei to spec units), with a declared
//          rounding; "exact" refuses an amount that is not a whole number of units.
// Amounts are read as integers (JSON numbers or decimal strings, as chains log uint256) and
// divided with BigInt, so 10^18 wei is exact.

import { shownValue } from "./event.js";

export type Rounding = "exact" | "down" | "up" | "nearest";

export type Translation =
  | { readonly kind: "table"; readonly table: ReadonlyMap<string, unknown>; readonly caseInsensitive: boolean }
  | { readonly kind: "scale"; readonly scale: bigint; readonly rounding: Rounding };

/** The spec value of `raw`, or why there is none (`where` names the field). */
export function translate(t: Translation, raw: unknown, where: string): { value: unknown } | { error: string } {
  switch (t.kind) {
    case "table": {
      if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") return { error: `${where}: expected a string or a number to look up, found ${describe(raw)}` };
      const key = t.caseInsensitive ? String(raw).toLowerCase() : String(raw);
      if (!t.table.has(key)) return { error: `${where}: ${describe(raw)} is not in the table` };
      return { value: t.table.get(key) };
    }
    case "scale": {
      const n = integerOf(raw);
      if (n === null) return { error: `${where}: expected an integer amount (a number, or a string of decimal digits), found ${describe(raw)}` };
      const q = divide(n, t.scale, t.rounding);
      if (q === null) return { error: `${where}: ${n} is not a whole number of units of ${t.scale} (rounding "exact")` };
      if (q > BigInt(Number.MAX_SAFE_INTEGER) || q < -BigInt(Number.MAX_SAFE_INTEGER)) return { error: `${where}: ${n} / ${t.scale} is too large` };
      return { value: Number(q) };
    }
  }
}

const describe = shownValue;

/** A JSON number that is an integer, or a string of decimal digits (with an optional minus). */
export function integerOf(raw: unknown): bigint | null {
  if (typeof raw === "number") return Number.isSafeInteger(raw) ? BigInt(raw) : null;
  if (typeof raw === "string" && /^-?[0-9]{1,100}$/.test(raw)) return BigInt(raw);
  return null;
}

/** n / d rounded as asked (d > 0); null when "exact" and there is a remainder. */
export function divide(n: bigint, d: bigint, rounding: Rounding): bigint | null {
  // BigInt division truncates toward zero; floor and ceiling are adjusted from it.
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const floor = r < 0n ? q - 1n : q;
  switch (rounding) {
    case "exact":
      return null;
    case "down":
      return floor;
    case "up":
      return floor + 1n;
    case "nearest": {
      // Half away from zero, as people round amounts.
      const twice = 2n * (r < 0n ? -r : r);
      if (twice === d) return n < 0n ? floor : floor + 1n;
      return twice > d ? (n < 0n ? floor : floor + 1n) : n < 0n ? floor + 1n : floor;
    }
  }
}
