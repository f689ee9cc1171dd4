// Names in the exported module. A spec's names are untrusted text: any that is not a valid TLA+
// identifier, or that clashes with a TLA+ keyword, a standard-module operator, a TLC configuration
// keyword or a name the exporter itself defines, is renamed deterministically (same spec, same
// names), and the module lists every renaming in a comment. Bound names (parameters, quantified
// and LET names) never reuse a name visible where they are bound: TLA+ forbids shadowing.

/** TLA+'s reserved words (Specifying Systems and TLA+2's proof language). */
const KEYWORDS = [
  "ASSUME", "ASSUMPTION", "AXIOM", "BOOLEAN", "CASE", "CHOOSE", "CONSTANT", "CONSTANTS", "DOMAIN", "ELSE", "ENABLED",
  "EXCEPT", "EXTENDS", "FALSE", "IF", "IN", "INSTANCE", "LET", "LOCAL", "MODULE", "OTHER", "STRING", "SUBSET", "THEN",
  "THEOREM", "TRUE", "UNCHANGED", "UNION", "VARIABLE", "VARIABLES", "WITH", "ACTION", "BY", "COROLLARY", "DEF", "DEFINE",
  "DEFS", "HAVE", "HIDE", "LAMBDA", "LEMMA", "NEW", "OBVIOUS", "OMITTED", "ONLY", "PICK", "PROOF", "PROPOSITION", "PROVE",
  "QED", "RECURSIVE", "STATE", "SUFFICES", "TAKE", "TEMPORAL", "USE", "WITNESS", "WF_", "SF_",
];

/** Operators and modules of the standard modules an export may extend, and TLC's own. */
const STANDARD = [
  "Nat", "Int", "Real", "Infinity", "Seq", "Len", "Head", "Tail", "Append", "SubSeq", "SelectSeq", "Cardinality",
  "IsFiniteSet", "Print", "PrintT", "Assert", "JavaTime", "TLCGet", "TLCSet", "Permutations", "SortSeq", "RandomElement",
  "Any", "ToString", "TLCEval", "Naturals", "Integers", "Sequences", "FiniteSets", "TLC", "TLCExt", "Bags", "Reals",
  "RealTime", "Json", "Randomization", "Toolbox", "Apalache", "Variants",
];

/** Words a TLC configuration file reads as keywords. */
const CFG = [
  "INIT", "NEXT", "SPECIFICATION", "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "SYMMETRY", "VIEW", "CONSTRAINT",
  "CONSTRAINTS", "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "CHECK_DEADLOCK", "POSTCONDITION", "ALIAS",
];

const RESERVED = new Set([...KEYWORDS, ...STANDARD, ...CFG]);

/** A TLA+ identifier: letters, digits and `_`, at least one letter, not `WF_`/`SF_` prefixed. */
const VALID = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;

/** `name` as TLA+ identifier characters: anything else becomes `uXXXX`; no letter gets an `x`. */
export function sanitize(name: string): string {
  let out = "";
  for (const ch of name) out += /[A-Za-z0-9_]/.test(ch) ? ch : `u${ch.codePointAt(0)!.toString(16).padStart(4, "0")}`;
  if (!/[A-Za-z]/.test(out)) out = `x${out}`;
  if (/^(WF|SF)_/.test(out)) out = `x${out}`;
  return out;
}

/** Text safe inside a TLA+ end-of-line comment: one line, no comment delimiters, ASCII only. */
export function commentText(text: string, max = 200): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x20 && c < 0x7f ? ch : c === 0x09 ? " " : `\\u{${c.toString(16)}}`;
  }
  out = out.replace(/\(\*/g, "( *").replace(/\*\)/g, "* )");
  return out.length > max ? `${out.slice(0, max - 3)}...` : out;
}

export interface Renaming {
  readonly from: string;
  readonly to: string;
  readonly what: string;
}

/** The module's names: every top-level name, allocated once, in a fixed order. */
export class Names {
  private readonly used = new Set<string>();
  readonly renamings: Renaming[] = [];
  private readonly fields = new Map<string, string>();

  /** Names the exporter defines itself; they win over the spec's names. */
  reserve(...names: string[]): void {
    for (const n of names) this.used.add(n);
  }

  has(name: string): boolean {
    return this.used.has(name) || RESERVED.has(name);
  }

  /** A top-level name for the spec's `name` (a `what`: "variable", "action", ...). */
  global(name: string, what: string): string {
    const base = sanitize(name);
    const out = this.fresh(base);
    if (out !== name) this.renamings.push({ from: name, to: out, what });
    this.used.add(out);
    return out;
  }

  /** A top-level name the exporter derives (`deposit_fails`); never clashes. */
  derived(base: string): string {
    const out = this.fresh(sanitize(base));
    this.used.add(out);
    return out;
  }

  /** A record field's name: fields have their own namespace, but may not be keywords. */
  field(name: string): string {
    const known = this.fields.get(name);
    if (known !== undefined) return known;
    let out = sanitize(name);
    if (RESERVED.has(out) || !VALID.test(out)) out = `${out}_`;
    this.fields.set(name, out);
    if (out !== name) this.renamings.push({ from: name, to: out, what: "record field" });
    return out;
  }

  /** `base`, else `base_` (a renamed spec name reads best so), else `base_1`, `base_2`, ... */
  fresh(base: string, taken?: (n: string) => boolean, underscore = true): string {
    const busy = (n: string) => this.has(n) || !VALID.test(n) || (taken?.(n) ?? false);
    if (!busy(base)) return base;
    if (underscore && !busy(`${base}_`)) return `${base}_`;
    for (let i = 1; ; i++) if (!busy(`${base}_${i}`)) return `${base}_${i}`;
  }
}

/**
 * Names bound inside one operator. A name is unique along the chain of enclosing scopes; a name
 * bound at the operator's top (a LET definition, a parameter) is also unique in the whole operator,
 * since the LET's body may hold a quantifier bound before it was.
 */
export class Scope {
  private readonly mine = new Set<string>();
  /** At the root: every name bound anywhere in the operator. */
  private readonly all: Set<string>;
  private readonly root: Scope;

  constructor(
    readonly names: Names,
    private readonly parent: Scope | null = null,
  ) {
    this.root = parent ? parent.root : this;
    this.all = parent ? parent.all : new Set();
  }

  private taken(n: string): boolean {
    return this.mine.has(n) || (this.parent?.taken(n) ?? false);
  }

  /** Binds a name for `base` in this scope. */
  bind(base: string): string {
    const busy = this === this.root ? (n: string) => this.all.has(n) : (n: string) => this.taken(n);
    const out = this.names.fresh(sanitize(base), busy, false);
    this.mine.add(out);
    this.all.add(out);
    return out;
  }

  child(): Scope {
    return new Scope(this.names, this);
  }
}
