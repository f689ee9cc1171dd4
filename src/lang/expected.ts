// Words Ohm's "expected" lists the way a user thinks of them: "an expression", "an operator",
// "a declaration", instead of twenty tokens.

const EXPR_START = new Set([
  "a name", "a number", "action", "false", "true", "[", "{", "set", "count", "map", "max", "min",
  "sum", "any", "all", "if", "(", "-", "not", "let", "filter", "eventually", "always",
]);
const OPERATORS = new Set([
  ".", "[", "-", "+", "%", "/", "*", "**", "subset", "in", "not", ">", "<", ">=", "<=", "!=", "==",
  "minus", "intersect", "union", "and", "iff", "implies", "or", "~>",
]);
const DECL_START = new Set(["const", "type", "var", "action", "def", "proc", "invariant", "step", "liveness", "symmetric", "ghost", "fair", "strong"]);
const STMT_START = new Set(["require", "let", "if", "pick", "for"]);
const ASSIGN_OPS = new Set(["=", "+=", "-="]);
const KEYWORDS = new Set([...DECL_START, ...STMT_START, "spec", "by", "bool", "enum", "seq", "then", "else", "in", "where"]);

/** Every reserved word of the grammar (its `keyword` rule): none can be a name. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "spec", "const", "type", "symmetric", "ghost", "var", "action", "by", "def", "proc", "for", "invariant", "step", "bool", "enum", "set",
  "map", "seq", "require", "let", "if", "then", "else", "pick", "in", "where", "implies", "iff", "or", "and", "not",
  "subset", "union", "intersect", "minus", "all", "any", "sum", "count", "true", "false",
  "liveness", "fair", "strong", "eventually", "always",
]);

export interface Expectation {
  /** Plain-words list: "an expression", "`:`", ... */
  readonly items: string[];
  /** Keywords that could appear here, for "did you mean" on a misspelt keyword. */
  readonly keywords: string[];
}

/** Summarises Ohm's expected-token texts (as returned by `Failure.getText()`). */
export function summarise(texts: readonly string[]): Expectation {
  const set = new Set(texts);
  const items: string[] = [];
  const used = new Set<string>();
  const take = (group: Set<string>, min: number, label: string) => {
    const present = [...group].filter((t) => set.has(t) && !used.has(t));
    if (present.length >= min) {
      present.forEach((t) => used.add(t));
      items.push(label);
    }
  };
  const declKeywords = [...DECL_START].filter((t) => set.has(t));
  take(STMT_START, 2, "a statement");
  if (items.length > 0) used.add("a name");
  // `x == 1` as a statement: `=` matched before the second `=` failed, so only `+=` and `-=` are left.
  take(ASSIGN_OPS, 2, "an assignment (`=`, `+=` or `-=`)");
  take(DECL_START, 3, "a declaration (const, type, var, action, def, proc, invariant, step or liveness)");
  take(EXPR_START, 6, "an expression");
  take(OPERATORS, 6, "an operator");
  // After a name, `(` would make it a call: noise next to "an operator", which is what is meant.
  if (items.includes("an operator")) used.add("(");
  for (const t of texts) {
    if (used.has(t)) continue;
    used.add(t);
    if (t === "end of input") items.push("the end of the file");
    else if (t === "not an identPart") continue;
    else if (t.startsWith("a ") || t.startsWith("an ")) items.push(t);
    else items.push("`" + t + "`");
  }
  const keywords = [...new Set([...declKeywords, ...texts.filter((t) => KEYWORDS.has(t))])];
  return { items, keywords };
}

export function joinAlternatives(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "something else";
  return items.slice(0, -1).join(", ") + " or " + items[items.length - 1];
}
