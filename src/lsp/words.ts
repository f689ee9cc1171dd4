// The language's words, for completion and hover: keywords (those of the second edition included,
// fixed by its issues) and the built-in functions with their signatures.

import { BUILTINS } from "../check/calls.js";

/** Reserved words and the words that begin a construct, in the order completion lists them. */
export const KEYWORDS: readonly string[] = [
  // declarations
  "spec", "const", "type", "symmetric", "ghost", "var", "action", "by", "def", "proc", "invariant", "step",
  "liveness", "fair", "strong",
  // types
  "bool", "enum", "set", "map", "seq", "option", "subsets",
  // statements
  "require", "let", "if", "then", "else", "pick", "for", "in", "where",
  // operators and values
  "implies", "iff", "or", "and", "not", "subset", "union", "intersect", "minus",
  "all", "any", "sum", "count", "eventually", "always", "true", "false", "none", "some",
];

/** What a built-in function does, in one line (docs/language.md says it at length). */
const BUILTIN_DOCS: Readonly<Record<string, string>> = {
  div: "⌊a / b⌋: integer division rounded down (toward negative infinity); `/` is exact",
  div_up: "⌈a / b⌉: division rounded up (toward positive infinity)",
  mul_div: "⌊a · b / c⌋: the product taken exactly, then divided, rounded down",
  mul_div_up: "⌈a · b / c⌉: the product taken exactly, then divided, rounded up",
  min: "the smaller of a and b (also an aggregate: `min(x in D: e)`)",
  max: "the larger of a and b (also an aggregate: `max(x in D: e)`)",
  abs: "the absolute value of a",
  size: "the number of elements of a set",
  len: "the number of elements of a queue",
  head: "the first element of a queue (fails `well_typed` when it is empty)",
  push: "the queue with the element appended (fails `well_typed` when it is full)",
  pop: "the queue without its first element (fails `well_typed` when it is empty)",
  floor: "x rounded down to an integer, or with a step `floor(x, 1/2)` down to a multiple of it",
  ceil: "x rounded up to an integer, or with a step `ceil(x, 1/2)` up to a multiple of it",
  some: "the option holding a value (`none` holds none)",
  get: "the value an option holds (fails `well_typed` on `none`)",
  get_or: "the value an option holds, or the default when it is `none`",
  remove_at: "the queue without its element at index i (fails `well_typed` when i is outside it)",
};

export interface BuiltinInfo {
  readonly name: string;
  /** `div_up(a, b)` */
  readonly signature: string;
  readonly doc: string;
}

export const BUILTIN_LIST: readonly BuiltinInfo[] = Object.entries(BUILTINS).map(([name, sig]) => ({
  name,
  signature: `${name}(${sig.params})`,
  doc: BUILTIN_DOCS[name] ?? "a built-in function",
}));

export const BUILTIN_NAMES: ReadonlySet<string> = new Set(BUILTIN_LIST.map((b) => b.name));

export const OLD: BuiltinInfo = { name: "old", signature: "old(e)", doc: "the value of e in the state before the step (step properties only)" };
