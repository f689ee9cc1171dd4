// The generated module's helpers for the second edition's values (src/compile/ts/helpers.ts holds
// the rest). Representations, as in readable values (src/model/values.ts):
//   a number of a fraction type: a plain number when whole, else {num, den} in lowest terms, so
//     equal values are equal structurally;
//   a tuple: a readonly array; an option: {tag: "None"} or {tag: "Some", value};
//   sets and maps whose elements or keys are fractions, tuples, records or options compare them by
//     value (JavaScript's Set and Map compare objects by identity), and order them by the spec's
//     index order.
// Rational arithmetic runs on bigints, so no intermediate product can lose precision.

import type { Helper } from "./helpers.js";

export const VALUE_HELPERS: Record<string, Helper> = {
  Num: {
    doc: "A number of a fraction type: a plain number when whole, else a Fraction in lowest terms.",
    text: `type Num = number | Fraction;`,
    uses: [],
  },
  TShape: {
    doc: "A finite type, for the value checks: a number range (scaled by `den`, with a step), bool, an\nenum of `n` members, a tuple, a record, an option.",
    text: `type TShape =
  | readonly ["i", number, number, number, number]
  | readonly ["b"]
  | readonly ["e", number]
  | readonly ["t", readonly TShape[]]
  | readonly ["r", readonly (readonly [string, TShape])[]]
  | readonly ["o", TShape];`,
    uses: [],
  },
  q: {
    doc: "The number n / d, canonical: a plain number when whole, else {num, den} in lowest terms.",
    text: `function q(n: bigint, d: bigint): Num {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  let a = n < 0n ? -n : n;
  let b = d;
  while (b !== 0n) [a, b] = [b, a % b];
  if (a !== 0n) {
    n /= a;
    d /= a;
  } else d = 1n;
  return d === 1n ? Number(n) : { num: Number(n), den: Number(d) };
}`,
    uses: ["Num"],
  },
  parts: {
    doc: "A number's numerator and denominator, as bigints.",
    text: `function parts(x: Num): readonly [bigint, bigint] {
  return typeof x === "number" ? [BigInt(x), 1n] : [BigInt(x.num), BigInt(x.den)];
}`,
    uses: ["Num"],
  },
  qtext: {
    doc: "A number as the spec writes it: `7/2`, `-3`.",
    text: `function qtext(x: Num): string {
  return typeof x === "number" ? String(x) : \`\${x.num}/\${x.den}\`;
}`,
    uses: ["Num"],
  },
  qadd: {
    doc: "`a + b`, exactly.",
    text: `function qadd(a: Num, b: Num): Num {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return q(an * bd + bn * ad, ad * bd);
}`,
    uses: ["q", "parts"],
  },
  qsub: {
    doc: "`a - b`, exactly.",
    text: `function qsub(a: Num, b: Num): Num {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return q(an * bd - bn * ad, ad * bd);
}`,
    uses: ["q", "parts"],
  },
  qmul: {
    doc: "`a * b`, exactly.",
    text: `function qmul(a: Num, b: Num): Num {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return q(an * bn, ad * bd);
}`,
    uses: ["q", "parts"],
  },
  qdiv: {
    doc: "`a / b`, exact division; division by zero fails `well_typed` at `site`.",
    text: `function qdiv(a: Num, b: Num, site: number): Num {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  if (bn === 0n) fail(site, \`\${qtext(a)} / 0\`);
  return q(an * bd, ad * bn);
}`,
    uses: ["q", "parts", "fail", "qtext"],
  },
  qmod: {
    doc: "`a % b`: `a - b * floor(a / b)`; `% 0` fails `well_typed` at `site`.",
    text: `function qmod(a: Num, b: Num, site: number): Num {
  if (qcmp(b, 0) === 0) fail(site, \`\${qtext(a)} % 0\`);
  return qsub(a, qmul(b, qfloor(qdiv(a, b, site))));
}`,
    uses: ["qsub", "qmul", "qfloor", "qdiv", "qcmp", "fail", "qtext"],
  },
  qneg: {
    doc: "`-a`.",
    text: `function qneg(a: Num): Num {
  return typeof a === "number" ? -a + 0 : { num: -a.num, den: a.den };
}`,
    uses: ["Num"],
  },
  qabs: {
    doc: "`abs(a)`.",
    text: `function qabs(a: Num): Num {
  return qcmp(a, 0) < 0 ? qneg(a) : a;
}`,
    uses: ["qcmp", "qneg"],
  },
  qcmp: {
    doc: "The sign of `a - b`: -1, 0 or 1.",
    text: `function qcmp(a: Num, b: Num): number {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  const l = an * bd;
  const r = bn * ad;
  return l < r ? -1 : l > r ? 1 : 0;
}`,
    uses: ["parts"],
  },
  qmin: {
    doc: "`min(a, b)`.",
    text: `function qmin(a: Num, b: Num): Num {
  return qcmp(a, b) <= 0 ? a : b;
}`,
    uses: ["qcmp"],
  },
  qmax: {
    doc: "`max(a, b)`.",
    text: `function qmax(a: Num, b: Num): Num {
  return qcmp(a, b) >= 0 ? a : b;
}`,
    uses: ["qcmp"],
  },
  bfloor: {
    doc: "Floor division of bigints (b > 0 or b < 0).",
    text: `function bfloor(a: bigint, b: bigint): bigint {
  const q0 = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q0 - 1n : q0;
}`,
    uses: [],
  },
  qfloor: {
    doc: "`floor(a)`: the greatest integer <= a.",
    text: `function qfloor(a: Num): number {
  const [n, d] = parts(a);
  return Number(bfloor(n, d));
}`,
    uses: ["parts", "bfloor"],
  },
  qceil: {
    doc: "`ceil(a)`: the least integer >= a.",
    text: `function qceil(a: Num): number {
  const [n, d] = parts(a);
  return Number(-bfloor(-n, d));
}`,
    uses: ["parts", "bfloor"],
  },
  qfloorTo: {
    doc: "`floor(a, s)`: the greatest multiple of the step `s` <= a.",
    text: `function qfloorTo(a: Num, s: Num): Num {
  return qmul(qfloor(qdiv(a, s, -1)), s);
}`,
    uses: ["qmul", "qfloor", "qdiv"],
  },
  qceilTo: {
    doc: "`ceil(a, s)`: the least multiple of the step `s` >= a.",
    text: `function qceilTo(a: Num, s: Num): Num {
  return qmul(qceil(qdiv(a, s, -1)), s);
}`,
    uses: ["qmul", "qceil", "qdiv"],
  },
  qround: {
    doc: "`div(a, b)`, `div_up(a, b)`, `mul_div(a, b, c)`, `mul_div_up(a, b, c)` on any numbers: the\nquotient of the first arguments' product by the last, rounded down (`up` false) or up; a\ndivisor of 0 fails `well_typed` at `site`, the detail naming the call.",
    text: `function qround(name: string, up: boolean, args: readonly Num[], site: number): number {
  const d = args[args.length - 1] as Num;
  if (qcmp(d, 0) === 0) fail(site, \`\${name}(\${args.slice(0, -1).map(qtext).join(", ")}, 0)\`);
  let x: Num = args[0] as Num;
  for (let i = 1; i < args.length - 1; i++) x = qmul(x, args[i] as Num);
  const r = qdiv(x, d, site);
  return up ? qceil(r) : qfloor(r);
}`,
    uses: ["qcmp", "fail", "qtext", "qmul", "qdiv", "qceil", "qfloor"],
  },
  qsum: {
    doc: "`sum(x in xs: f(x))` of numbers that may be fractions.",
    text: `function qsum<T>(xs: readonly T[], f: (x: T) => Num): Num {
  let total: Num = 0;
  for (const x of xs) total = qadd(total, f(x));
  return total;
}`,
    uses: ["qadd"],
  },
  qminOf: {
    doc: "The least of `xs` (numbers that may be fractions); over no values it fails `well_typed` at `site`.",
    text: `function qminOf(xs: readonly Num[], site: number): Num {
  if (xs.length === 0) fail(site, "min");
  return xs.reduce((a, b) => qmin(a, b));
}`,
    uses: ["fail", "qmin"],
  },
  qmaxOf: {
    doc: "The greatest of `xs` (numbers that may be fractions); over no values it fails `well_typed` at `site`.",
    text: `function qmaxOf(xs: readonly Num[], site: number): Num {
  if (xs.length === 0) fail(site, "max");
  return xs.reduce((a, b) => qmax(a, b));
}`,
    uses: ["fail", "qmax"],
  },
  fractions: {
    doc: "The numbers `lo / den`, `(lo + step) / den`, ... up to `hi / den`.",
    text: `function fractions(lo: number, hi: number, den: number, step: number): Num[] {
  return Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, i) => q(BigInt(lo + i * step), BigInt(den)));
}`,
    uses: ["q"],
  },
  stepRange: {
    doc: "The integers `lo`, `lo + step`, ... up to `hi`.",
    text: `function stepRange(lo: number, hi: number, step: number): number[] {
  return Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, i) => lo + i * step);
}`,
    uses: [],
  },
  subsets: {
    doc: "Every subset of `xs`, in stakecheck's instance order (subset k holds the elements whose bit is set in k).",
    text: `function subsets<T>(xs: readonly T[]): ReadonlySet<T>[] {
  return Array.from({ length: 2 ** xs.length }, (_, m) => new Set(xs.filter((_x, b) => ((m >>> b) & 1) === 1)));
}`,
    uses: [],
  },
  getOption: {
    doc: "`get(o)`: the value of `some(value)`; `none` fails `well_typed` at `site`.",
    text: `function getOption<T>(o: Option<T>, site: number): T {
  if (o.tag === "None") fail(site, "");
  return o.value;
}`,
    uses: ["fail"],
  },
  getOr: {
    doc: "`get_or(o, d)`: the value of `some(value)`, or `d` for `none`.",
    text: `function getOr<T, U>(o: Option<T>, d: U): T | U {
  return o.tag === "None" ? d : o.value;
}`,
    uses: [],
  },
  order: {
    doc: "The spec's order on values of one type (its index order): numbers ascending, false before true,\nenum members in declaration order, tuples and records field by field, none before some.",
    text: `function order(a: unknown, b: unknown): number {
  if (typeof a === "number" || (typeof a === "object" && a !== null && "den" in a)) return qcmp(a as Num, b as Num);
  if (typeof a === "boolean") return Number(a) - Number(b);
  if (typeof a === "string") return (ORDINAL[a] ?? -1) - (ORDINAL[b as string] ?? -1);
  if (Array.isArray(a)) {
    const bs = b as readonly unknown[];
    for (let i = 0; i < a.length; i++) {
      const c = order(a[i], bs[i]);
      if (c !== 0) return c;
    }
    return 0;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if ("tag" in x) return x["tag"] !== y["tag"] ? (x["tag"] === "None" ? -1 : 1) : x["tag"] === "None" ? 0 : order(x["value"], y["value"]);
  for (const k of Object.keys(x)) {
    const c = order(x[k], y[k]);
    if (c !== 0) return c;
  }
  return 0;
}`,
    uses: ["qcmp"],
  },
  same: {
    doc: "Equality of values by content: numbers, tuples, records, options, and sets and maps of them.",
    text: `function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!hasKeyV(b, k) || !same(v, getV(b, k))) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const x of a) if (!hasV(b, x)) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}`,
    uses: ["hasKeyV", "getV", "hasV"],
  },
  hasV: {
    doc: "`x in s` for a set whose elements are compared by content; an absent value is in no set.",
    text: `function hasV<T>(s: ReadonlySet<T>, x: unknown): boolean {
  if (x === undefined) return false;
  if (typeof x !== "object" || x === null) return s.has(x as T);
  for (const y of s) if (same(x, y)) return true;
  return false;
}`,
    uses: ["same"],
  },
  setOfV: {
    doc: "A set holding `xs` once each (compared by content), in the spec's order.",
    text: `function setOfV<T>(xs: Iterable<T>): ReadonlySet<T> {
  const out: T[] = [];
  for (const x of xs) if (!out.some((y) => same(x, y))) out.push(x);
  return new Set(out.sort(order));
}`,
    uses: ["same", "order"],
  },
  membersV: {
    doc: "The elements of a set in the spec's order (aggregates and picks visit them in this order).",
    text: `function membersV<T>(s: ReadonlySet<T>): T[] {
  return [...s].sort(order);
}`,
    uses: ["order"],
  },
  unionV: {
    doc: "`a union b` (elements compared by content).",
    text: `function unionV<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return setOfV([...a, ...b]);
}`,
    uses: ["setOfV"],
  },
  intersectV: {
    doc: "`a intersect b` (elements compared by content).",
    text: `function intersectV<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return setOfV([...a].filter((x) => hasV(b, x)));
}`,
    uses: ["setOfV", "hasV"],
  },
  minusV: {
    doc: "`a minus b` (elements compared by content).",
    text: `function minusV<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return setOfV([...a].filter((x) => !hasV(b, x)));
}`,
    uses: ["setOfV", "hasV"],
  },
  subsetV: {
    doc: "`a subset b` (elements compared by content).",
    text: `function subsetV<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (!hasV(b, x)) return false;
  return true;
}`,
    uses: ["hasV"],
  },
  hasKeyV: {
    doc: "Whether `k` is a key of `m` (keys compared by content).",
    text: `function hasKeyV(m: ReadonlyMap<unknown, unknown>, k: unknown): boolean {
  if (typeof k !== "object" || k === null) return m.has(k);
  for (const j of m.keys()) if (same(j, k)) return true;
  return false;
}`,
    uses: ["same"],
  },
  getV: {
    doc: "`m[k]`, keys compared by content.",
    text: `function getV<K, V>(m: ReadonlyMap<K, V>, k: unknown): V {
  if (typeof k !== "object" || k === null) {
    const v = m.get(k as K);
    if (v === undefined) return malformed(\`no entry \${String(k)}\`);
    return v;
  }
  for (const [j, v] of m) if (same(j, k)) return v;
  return malformed(\`no entry \${JSON.stringify(k)}\`);
}`,
    uses: ["same", "malformed"],
  },
  putV: {
    doc: "A copy of `m` with `m[k] = v`, keys compared by content.",
    text: `function putV<K, V>(m: ReadonlyMap<K, V>, k: unknown, v: V): ReadonlyMap<K, V> {
  const out = new Map<K, V>();
  for (const [j, x] of m) out.set(j, same(j, k) ? v : x);
  return out;
}`,
    uses: ["same"],
  },
  indexOfV: {
    doc: "The index of `v` among the values of the type `t` (the spec's numbering), or -1 when `v` is\nnot one of them (out of range, off the step).",
    text: `function indexOfV(v: unknown, t: TShape): number {
  switch (t[0]) {
    case "i": {
      const [n, d] = parts(v as Num);
      const x = n * BigInt(t[3]);
      if (x % d !== 0n) return -1;
      const s = Number(x / d);
      return s < t[1] || s > t[2] || (s - t[1]) % t[4] !== 0 ? -1 : (s - t[1]) / t[4];
    }
    case "b":
      return v ? 1 : 0;
    case "e":
      return ORDINAL[v as string] ?? -1;
    case "t":
    case "r": {
      const fields: readonly (readonly [string, TShape])[] = t[0] === "t" ? t[1].map((f, i) => [String(i), f] as const) : t[1];
      let idx = 0;
      for (const [name, f] of fields) {
        const k = indexOfV((v as Record<string, unknown>)[name], f);
        if (k < 0) return -1;
        idx = idx * sizeOfV(f) + k;
      }
      return idx;
    }
    case "o": {
      const o = v as Option<unknown>;
      if (o.tag === "None") return 0;
      const k = indexOfV(o.value, t[1]);
      return k < 0 ? -1 : 1 + k;
    }
  }
}`,
    uses: ["TShape", "parts", "sizeOfV"],
  },
  sizeOfV: {
    doc: "The number of values of the type `t`.",
    text: `function sizeOfV(t: TShape): number {
  switch (t[0]) {
    case "i":
      return Math.floor((t[2] - t[1]) / t[4]) + 1;
    case "b":
      return 2;
    case "e":
      return t[1];
    case "t":
      return t[1].reduce((n, f) => n * sizeOfV(f), 1);
    case "r":
      return t[1].reduce((n, f) => n * sizeOfV(f[1]), 1);
    case "o":
      return 1 + sizeOfV(t[1]);
  }
}`,
    uses: ["TShape"],
  },
  codesOf: {
    doc: "A value of type `t` as stakecheck's failure details show it: a number as itself (a fraction over\nits type's denominator), a tuple or record as its fields' codes `(1, 0)`.",
    text: `function codesOf(v: unknown, t: TShape, top = true): string {
  switch (t[0]) {
    case "i": {
      if (top) return qtext(v as Num);
      const [n, d] = parts(v as Num);
      return String((n * BigInt(t[3])) / d);
    }
    case "b":
      return v ? "1" : "0";
    case "e":
      return String(ORDINAL[v as string] ?? -1);
    case "t":
      return \`\${top ? "(" : ""}\${t[1].map((f, i) => codesOf((v as readonly unknown[])[i], f, false)).join(", ")}\${top ? ")" : ""}\`;
    case "r":
      return \`\${top ? "(" : ""}\${t[1].map(([name, f]) => codesOf((v as Record<string, unknown>)[name], f, false)).join(", ")}\${top ? ")" : ""}\`;
    case "o":
      return String(indexOfV(v, t));
  }
}`,
    uses: ["TShape", "qtext", "parts", "indexOfV"],
  },
  valueIn: {
    doc: "`v` when it is a value of the type `to`; otherwise fails `well_typed` at `site`, showing `v` as a\nvalue of its own type `from`.",
    text: `function valueIn<T>(v: T, to: TShape, from: TShape, site: number): T {
  if (indexOfV(v, to) < 0) fail(site, codesOf(v, from));
  return v;
}`,
    uses: ["indexOfV", "codesOf", "fail"],
  },
};
