// The small runtime the generated module carries: only the helpers a spec's code uses are emitted
// (with the helpers they use), so the module type-checks under `noUnusedLocals`. Each mirrors one
// rule of the reference semantics (src/ir/eval.ts); `site` numbers are the spec's `well_typed`
// check sites, as in stakecheck's own counterexamples.

import { VALUE_HELPERS } from "./helpers-values.js";

export interface Helper {
  readonly doc: string;
  readonly text: string;
  readonly uses: readonly string[];
}

/** `fits`, and `fitsV` that also checks the second edition's values (number steps and fractions,
 * sets compared by content, option values): one text, so the two cannot drift apart. */
function fitsHelper(name: string, shape: string, values: boolean): Helper {
  const more = values
    ? `
      case "num":
        if (indexOfV(x, s[1]) < 0) fail(site, qtext(x as Num));
        return;
      case "vset":
        for (const e of membersV(x as ReadonlySet<unknown>)) if (indexOfV(e, s[1]) < 0) fail(site, "a set holding an element outside its element type");
        return;
      case "opt": {
        const o = x as Option<unknown>;
        if (o.tag === "Some" && indexOfV(o.value, s[1]) < 0) fail(site, "a value outside the option's type");
        return;
      }`
    : "";
  return {
    doc: `\`v\` when every part of it fits \`shape\` (${values ? "number ranges and steps, set elements, option values" : "int ranges, set elements"}, queue capacities), checked in\nthe spec's order; otherwise fails \`well_typed\` at \`site\`.`,
    text: `function ${name}<T>(v: T, shape: ${shape}, site: number): T {
  const check = (x: unknown, s: ${shape}): void => {
    switch (s[0]) {
      case "int":
        if ((x as number) < s[1] || (x as number) > s[2]) fail(site, String(x));
        return;
      case "set":
        for (const e of members(x as ReadonlySet<Scalar>)) if ((e as number) < s[1] || (e as number) > s[2]) fail(site, \`a set holding \${String(e)}\`);
        return;
      case "map":
        for (const e of (x as ReadonlyMap<unknown, unknown>).values()) check(e, s[1]);
        return;
      case "rec":
        for (const [f, fs] of Object.entries(s[1])) check((x as Record<string, unknown>)[f], fs);
        return;
      case "seq": {
        const q = x as readonly unknown[];
        if (q.length > s[1]) fail(site, \`a queue of \${q.length} elements\`);
        const es = s[2];
        if (es !== null) for (const e of q) check(e, es);
        return;
      }${more}
      case "none":
        return;
    }
  };
  check(v, shape);
  return v;
}`,
    uses: ["fail", "members", shape, ...(values ? ["indexOfV", "qtext", "membersV"] : [])],
  };
}

function shapeHelper(name: string, values: boolean): Helper {
  const more = values ? `\n  | readonly ["num", TShape]\n  | readonly ["vset", TShape]\n  | readonly ["opt", TShape]` : "";
  return {
    doc: `What \`${values ? "fitsV" : "fits"}\` checks of a value.`,
    text: `type ${name} =
  | readonly ["int", number, number]
  | readonly ["set", number, number]
  | readonly ["map", ${name}]
  | readonly ["rec", Readonly<Record<string, ${name}>>]
  | readonly ["seq", number, ${name} | null]${more}
  | readonly ["none"];`,
    uses: values ? ["TShape"] : [],
  };
}

const H: Record<string, Helper> = {
  fail: {
    doc: "Fails the `well_typed` check at `site`.",
    text: `function fail(site: number, detail: string): never {
  throw new WellTypedError(site, detail);
}`,
    uses: [],
  },
  malformed: {
    doc: "A state or action that does not have the spec's shape (a missing map key).",
    text: `function malformed(what: string): never {
  throw new TypeError(\`malformed state: \${what}\`);
}`,
    uses: [],
  },
  get: {
    doc: "`m[k]`; a key outside the map's key type fails `well_typed` at `site`.",
    text: `function get<K, V>(m: ReadonlyMap<K, V>, k: Scalar, site?: number): V {
  const v = m.get(k as K);
  if (v === undefined) return site === undefined ? malformed(\`no entry \${String(k)}\`) : fail(site, String(k));
  return v;
}`,
    uses: ["fail", "malformed"],
  },
  put: {
    doc: "A copy of `m` with `m[k] = v`.",
    text: `function put<K, V>(m: ReadonlyMap<K, V>, k: Scalar, v: V): ReadonlyMap<K, V> {
  const out = new Map(m);
  out.set(k as K, v);
  return out;
}`,
    uses: [],
  },
  key: {
    doc: "`k` when it is a key of `m`; otherwise fails `well_typed` at `site`.",
    text: `function key<K>(m: ReadonlyMap<K, unknown>, k: Scalar, site: number): Scalar {
  if (!m.has(k as K)) fail(site, String(k));
  return k;
}`,
    uses: ["fail"],
  },
  nth: {
    doc: "`q[i]`; an index outside the queue fails `well_typed` at `site`.",
    text: `function nth<T>(q: readonly T[], i: number, site: number): T {
  if (i < 0 || i >= q.length) fail(site, \`\${i} (the queue holds \${q.length})\`);
  return q[i] as T;
}`,
    uses: ["fail"],
  },
  index: {
    doc: "`i` when it indexes an element of `q`; otherwise fails `well_typed` at `site`.",
    text: `function index(q: readonly unknown[], i: number, site: number): number {
  if (i < 0 || i >= q.length) fail(site, \`\${i} (the queue holds \${q.length})\`);
  return i;
}`,
    uses: ["fail"],
  },
  setNth: {
    doc: "A copy of `q` with `q[i] = v`.",
    text: `function setNth<T>(q: readonly T[], i: number, v: T): readonly T[] {
  const out = [...q];
  out[i] = v;
  return out;
}`,
    uses: [],
  },
  fitInt: {
    doc: "`v` when it lies in `lo .. hi`; otherwise fails `well_typed` at `site`.",
    text: `function fitInt(v: number, lo: number, hi: number, site: number): number {
  if (v < lo || v > hi) fail(site, String(v));
  return v;
}`,
    uses: ["fail"],
  },
  fits: fitsHelper("fits", "Shape", false),
  Shape: shapeHelper("Shape", false),
  fitsV: fitsHelper("fitsV", "ShapeV", true),
  ShapeV: shapeHelper("ShapeV", true),
  div: {
    doc: "Floor division, exact for all safe integers; division by zero fails `well_typed` at `site`.",
    text: `function div(a: number, b: number, site?: number): number {
  if (b === 0) fail(site ?? -1, \`\${a} / 0\`);
  return floorDiv(a, b);
}`,
    uses: ["fail", "floorDiv"],
  },
  mod: {
    doc: "The remainder of floor division (its sign is the divisor's); `% 0` fails `well_typed` at `site`.",
    text: `function mod(a: number, b: number, site?: number): number {
  if (b === 0) fail(site ?? -1, \`\${a} % 0\`);
  return a - b * floorDiv(a, b);
}`,
    uses: ["fail", "floorDiv"],
  },
  divUp: {
    doc: "Division rounding up (ceiling); division by zero fails `well_typed` at `site`.",
    text: `function divUp(a: number, b: number, site?: number): number {
  if (b === 0) fail(site ?? -1, \`div_up(\${a}, 0)\`);
  return -floorDiv(-a, b);
}`,
    uses: ["fail", "floorDiv"],
  },
  mulDiv: {
    doc: "`a * b / c` rounded down; division by zero fails `well_typed` at `site`.",
    text: `function mulDiv(a: number, b: number, c: number, site?: number): number {
  if (c === 0) fail(site ?? -1, \`mul_div(\${a}, \${b}, 0)\`);
  return floorDiv(a * b, c);
}`,
    uses: ["fail", "floorDiv"],
  },
  mulDivUp: {
    doc: "`a * b / c` rounded up; division by zero fails `well_typed` at `site`.",
    text: `function mulDivUp(a: number, b: number, c: number, site?: number): number {
  if (c === 0) fail(site ?? -1, \`mul_div_up(\${a}, \${b}, 0)\`);
  return -floorDiv(-(a * b), c);
}`,
    uses: ["fail", "floorDiv"],
  },
  floorDiv: {
    doc: "Floor division for b !== 0, corrected where `a / b` rounds across an integer.",
    text: `function floorDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  if (b > 0) return r < 0 ? q - 1 : r >= b ? q + 1 : q;
  return r > 0 ? q - 1 : r <= b ? q + 1 : q;
}`,
    uses: [],
  },
  code: {
    doc: "The element code of a scalar (its position in a set's order): ints as they are, false/true\nas 0/1, enum members by ordinal.",
    text: `function code(x: Scalar): number {
  return typeof x === "number" ? x : typeof x === "boolean" ? (x ? 1 : 0) : (ORDINAL[x] ?? -1);
}`,
    uses: [],
  },
  setOf: {
    doc: "A set holding `xs`, in element order (as every set of this module is).",
    text: `function setOf<T extends Scalar>(xs: Iterable<T>): ReadonlySet<T> {
  return new Set([...new Set(xs)].sort((a, b) => code(a) - code(b)));
}`,
    uses: ["code"],
  },
  members: {
    doc: "The elements of a set in element order (aggregates and picks visit them in this order).",
    text: `function members<T extends Scalar>(s: ReadonlySet<T>): T[] {
  return [...s].sort((a, b) => code(a) - code(b));
}`,
    uses: ["code"],
  },
  has: {
    doc: "`x in s`; an absent value (a caller or step parameter) is in no set.",
    text: `function has<T>(s: ReadonlySet<T>, x: Scalar | undefined): boolean {
  return x !== undefined && s.has(x as T);
}`,
    uses: [],
  },
  contains: {
    doc: "`x in q` for a queue: some element equals `x`.",
    text: `function contains(q: readonly unknown[], x: unknown): boolean {
  return x !== undefined && q.some((y) => equal(x, y));
}`,
    uses: ["equal"],
  },
  union: {
    doc: "`a union b`.",
    text: `function union<T extends Scalar>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return setOf([...a, ...b]);
}`,
    uses: ["setOf"],
  },
  intersect: {
    doc: "`a intersect b`.",
    text: `function intersect<T extends Scalar>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return setOf([...a].filter((x) => b.has(x)));
}`,
    uses: ["setOf"],
  },
  minus: {
    doc: "`a minus b`.",
    text: `function minus<T extends Scalar>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return setOf([...a].filter((x) => !b.has(x)));
}`,
    uses: ["setOf"],
  },
  subset: {
    doc: "`a subset b`.",
    text: `function subset<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}`,
    uses: [],
  },
  inSet: {
    doc: "`x` when a set can hold it (0 .. 30); otherwise fails `well_typed` at `site`.",
    text: `function inSet(x: number, site: number): number {
  if (x < 0 || x > 30) fail(site, String(x));
  return x;
}`,
    uses: ["fail"],
  },
  equal: {
    doc: "Equality of values: scalars, sets, maps, records and queues compare by content.",
    text: `function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !equal(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}`,
    uses: [],
  },
  push: {
    doc: "`push(q, x)`; pushing onto a full queue fails `well_typed` at `site`.",
    text: `function push<T, U>(q: readonly T[], x: U, cap: number, site: number): ReadonlyArray<T | U> {
  if (q.length >= cap) fail(site, \`it already holds \${q.length} of \${cap}\`);
  return [...q, x];
}`,
    uses: ["fail"],
  },
  pop: {
    doc: "`pop(q)`: the queue without its head; popping an empty queue fails `well_typed` at `site`.",
    text: `function pop<T>(q: readonly T[], site: number): readonly T[] {
  if (q.length === 0) fail(site, "");
  return q.slice(1);
}`,
    uses: ["fail"],
  },
  removeAt: {
    doc: "`remove_at(q, i)`: the queue without its element at `i`; an index outside the queue fails `well_typed` at `site`.",
    text: `function removeAt<T>(q: readonly T[], i: number, site: number): readonly T[] {
  if (i < 0 || i >= q.length) fail(site, \`\${i} (the queue holds \${q.length})\`);
  return [...q.slice(0, i), ...q.slice(i + 1)];
}`,
    uses: ["fail"],
  },
  head: {
    doc: "`head(q)`; the head of an empty queue fails `well_typed` at `site`.",
    text: `function head<T>(q: readonly T[], site: number): T {
  if (q.length === 0) fail(site, "");
  return q[0] as T;
}`,
    uses: ["fail"],
  },
  sum: {
    doc: "`sum(x in xs: f(x))`.",
    text: `function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let total = 0;
  for (const x of xs) total += f(x);
  return total;
}`,
    uses: [],
  },
  count: {
    doc: "`count(x in xs where f(x))`.",
    text: `function count<T>(xs: readonly T[], f: (x: T) => boolean): number {
  let n = 0;
  for (const x of xs) if (f(x)) n++;
  return n;
}`,
    uses: [],
  },
  minOf: {
    doc: "The least of `xs`; over no values it fails `well_typed` at `site`.",
    text: `function minOf(xs: readonly number[], site: number): number {
  if (xs.length === 0) fail(site, "min");
  return Math.min(...xs);
}`,
    uses: ["fail"],
  },
  maxOf: {
    doc: "The greatest of `xs`; over no values it fails `well_typed` at `site`.",
    text: `function maxOf(xs: readonly number[], site: number): number {
  if (xs.length === 0) fail(site, "max");
  return Math.max(...xs);
}`,
    uses: ["fail"],
  },
  mapOf: {
    doc: "`map(k in keys: f(k))`.",
    text: `function mapOf<K, V>(keys: readonly K[], f: (k: K) => V): ReadonlyMap<K, V> {
  return new Map(keys.map((k) => [k, f(k)] as const));
}`,
    uses: [],
  },
  fill: {
    doc: "A map holding `v` at every key.",
    text: `function fill<K, V>(keys: readonly K[], v: V): ReadonlyMap<K, V> {
  return new Map(keys.map((k) => [k, v] as const));
}`,
    uses: [],
  },
  range: {
    doc: "The integers `lo .. hi`.",
    text: `function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}`,
    uses: [],
  },
  present: {
    doc: "`x` when the step has it (a caller, a parameter of the step's action); otherwise fails `well_typed` at `site`.",
    text: `function present<T>(x: T | undefined, site: number): T {
  if (x === undefined) fail(site, "");
  return x;
}`,
    uses: ["fail"],
  },
};

Object.assign(H, VALUE_HELPERS);

export const HELPER_NAMES: readonly string[] = Object.keys(H);

/** The helpers `used` need, closed under their own uses, in a stable order. */
export function helperClosure(used: Iterable<string>): string[] {
  const need = new Set<string>();
  const visit = (n: string): void => {
    if (need.has(n)) return;
    const h = H[n];
    if (!h) throw new Error(`internal: no helper ${n}`);
    need.add(n);
    h.uses.forEach(visit);
  };
  for (const n of used) visit(n);
  return HELPER_NAMES.filter((n) => need.has(n));
}

export function helper(name: string): Helper {
  return H[name];
}
