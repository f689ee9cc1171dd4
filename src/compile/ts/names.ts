// Spec identifiers as TypeScript identifiers. Spec names are identifier-shaped already, but may be
// TypeScript or JavaScript reserved words (`delete`, `string`), globals the generated code relies on
// (`Map`, `Math`), or names the generated module itself defines (`State`, `step`, `get`): those get
// a trailing underscore. Object property names (state variables, record fields, action
// parameters) stay exactly as written in the spec, so they match readable values and counterexample
// files; reserved words are legal there.

import type * as I from "../../ir/ir.js";

const RESERVED = new Set(
  (
    // ECMAScript reserved words, strict-mode and contextual ones
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await async of get set from as is " +
    "arguments eval undefined NaN Infinity globalThis constructor prototype " +
    // TypeScript type names and keywords that cannot name a type or would confuse a reader
    "any unknown never number string boolean object symbol bigint type keyof infer declare namespace module readonly " +
    "abstract asserts global out satisfies accessor override unique intrinsic " +
    // globals the generated code uses
    "Object Array Map Set ReadonlyMap ReadonlySet ReadonlyArray Readonly Record Partial Required Extract Exclude " +
    "Math Number String Boolean Error JSON Symbol Iterable Promise"
  ).split(" "),
);

/** Names the generated module defines at top level (its API and its helpers). */
export const MODULE_NAMES: readonly string[] = [
  "State", "Action", "ActionOf", "ActionName", "WellTypedError", "initialState", "step", "allActions", "enabledActions",
  "invariants", "stepProperties", "checkInvariants", "checkStepProperties", "SITES", "ORDINAL", "Scalar", "Fraction", "Option",
];

/** Allocates distinct, legal identifiers. */
export class NameTable {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const n of taken) this.used.add(n);
  }

  /** A fresh identifier for `wanted`: itself when free, else with `_` (then `_2`, `_3`...) appended. */
  fresh(wanted: string): string {
    const base = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(wanted) ? wanted : "x";
    let name = RESERVED.has(base) || this.used.has(base) ? `${base}_` : base;
    for (let k = 2; RESERVED.has(name) || this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }

  /** Marks names as taken (helpers the module uses). */
  take(names: Iterable<string>): void {
    for (const n of names) this.used.add(n);
  }

  /** A child table for a function body: it sees every name taken here. */
  child(): NameTable {
    return new NameTable(this.used);
  }
}

/** The field names of an action's choices in its `Action` object: the spec's names, a pick's round
 * in a loop written `b_0` for `b[0]`, with a repeated name numbered `w_2`. `action` is the
 * discriminant (a keyword in the language, so no choice can have that name). */
export function choiceFields(a: Pick<I.Action, "choices">): string[] {
  const seen = new Set<string>(["action"]);
  return a.choices.map((c) => {
    const base = c.name.replace(/\]\[/g, "_").replace(/\[/g, "_").replace(/\]/g, "").replace(/[^A-Za-z0-9_$]/g, "_");
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    return name;
  });
}

/** A property key as written in an object type or literal: `__proto__` must be computed. */
export function propKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : name;
}

/** A property read: `x.name` (or `x["__proto__"]`). */
export function propRead(target: string, name: string): string {
  return name === "__proto__" ? `${target}["__proto__"]` : `${target}.${name}`;
}
