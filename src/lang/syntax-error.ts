// A failed match becomes one diagnostic: where the input went wrong, what the grammar expected
// there in words a user knows, what was found, and a hint when the mistake is a common one.

import type * as ohm from "ohm-js";
import type { Span } from "./ast.js";
import { error, type Diagnostic } from "./diagnostic.js";
import { RESERVED_WORDS, joinAlternatives, summarise } from "./expected.js";
import type { SourceFile } from "./source.js";
import { closest } from "./suggest.js";

/** Ohm's failure records; present at run time but missing from its type declarations. */
interface OhmFailure {
  isFluffy(): boolean;
  getText(): string;
}

/** The parts of a failed MatchResult that re-run the match recording failures at a position. */
interface MatchInternals {
  readonly matcher: {
    setInput(input: string): void;
    _match(start: unknown, options: { tracing: boolean; incremental: boolean; positionToRecordFailures: number }): { getRightmostFailures(): OhmFailure[] };
  };
  readonly startExpr: unknown;
  readonly input: string;
}

/** What the grammar expected at `pos`. Ohm records failures at one position per match, the
 * rightmost by default; another position takes a second match, without the memo table of the
 * first (its entries would not replay the failures). */
function expectedAt(m: ohm.FailedMatchResult, pos: number): string[] {
  const internals = m as unknown as MatchInternals;
  const failures =
    pos === m.getRightmostFailurePosition()
      ? (m as unknown as { getRightmostFailures(): OhmFailure[] }).getRightmostFailures()
      : (internals.matcher.setInput(internals.input), internals.matcher._match(internals.startExpr, { tracing: false, incremental: false, positionToRecordFailures: pos }).getRightmostFailures());
  return failures.filter((f) => !f.isFluffy()).map((f) => f.getText());
}

const DECLARATIONS = new Set(["const", "type", "symmetric", "ghost", "var", "action", "def", "proc", "invariant", "step"]);
const STATEMENTS = new Set(["require", "let", "pick", "for"]);

/** Operators of other languages, with what .stake writes instead. */
const FOREIGN: Record<string, string> = {
  "&&": "write `and`",
  "||": "write `or`",
  "!": "write `not`",
  "=>": "write `implies`",
  "->": "write `implies`",
  ":=": "write `=`",
};

/** What sits at `pos`, in words: "`foo`", "`>=`", "the end of the file". */
function describeFound(text: string, pos: number): { words: string; word?: string; tok?: string; span: Span } {
  if (pos >= text.length) return { words: "the end of the file", span: { start: pos, end: pos } };
  const word = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9][0-9_]*/.exec(text.slice(pos, pos + 80));
  if (word) return { words: "`" + word[0] + "`", word: word[0], span: { start: pos, end: pos + word[0].length } };
  const op = /^(==|!=|<=|>=|\+=|-=|\.\.|\/\/|\/\*|&&|\|\||=>|->|:=)/.exec(text.slice(pos, pos + 2));
  const tok = op ? op[0] : String.fromCodePoint(text.codePointAt(pos)!);
  if (tok === "\n" || tok === "\r") return { words: "the end of the line", span: { start: pos, end: pos + 1 } };
  return { words: "`" + tok + "`", tok, span: { start: pos, end: pos + tok.length } };
}

/** The keyword the user most likely meant: one that starts with what they typed, else the closest. */
function guessKeyword(word: string, keywords: readonly string[]): string | undefined {
  const extended = keywords.filter((k) => k.length > word.length && k.startsWith(word));
  if (word.length >= 3 && extended.length === 1) return extended[0];
  return closest(word, keywords);
}

export function syntaxError(file: SourceFile, m: ohm.FailedMatchResult): Diagnostic {
  const text = file.text;
  let pos = m.getRightmostFailurePosition();
  let texts = expectedAt(m, pos);
  if (texts.includes("not an identPart")) {
    // A keyword matched as the prefix of a longer word (`specc`, `inv`, or a name after a keyword
    // operator such as `in`): what was expected where the word starts says more.
    let start = pos;
    while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) start--;
    const atStart = expectedAt(m, start);
    if (atStart.length === 0) {
      const found = describeFound(text, start);
      return error(file, found.span, `unexpected ${found.words}`, `did you mean \`${text.slice(start, pos)}\`?`);
    }
    texts = atStart;
    pos = start;
  } else if (texts.includes('not "="') && pos > 0 && /[+\-=]/.test(text[pos - 1])) {
    // `+=`, `-=` or `==` where the grammar took its first character for an operator of its own.
    const atStart = expectedAt(m, pos - 1);
    if (atStart.length > 0) {
      texts = atStart;
      pos--;
    }
  }
  // Ohm reports the position after skipped spaces for syntactic rules, but not always: step over blanks.
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  const found = describeFound(text, pos);
  const { items, keywords } = summarise(texts);
  let hint: string | undefined;
  if (found.word !== undefined) {
    const closer = [")", "]", "}"].find((t) => texts.includes(t));
    if ((DECLARATIONS.has(found.word) || STATEMENTS.has(found.word)) && closer !== undefined) {
      hint = `is a \`${closer}\` missing before it?`;
    } else if (RESERVED_WORDS.has(found.word) && items.includes("a name")) {
      hint = `\`${found.word}\` is a reserved word: choose another name`;
    } else {
      const guess = guessKeyword(found.word, keywords);
      if (guess) hint = `did you mean \`${guess}\`?`;
    }
  } else if (found.tok === "{" && texts.includes("=") && /\bdef\s+[A-Za-z_]\w*\s*\([^()]*\)\s*$/.test(text.slice(0, pos))) {
    const proc = /\bdef(\s+[A-Za-z_]\w*\s*\([^()]*\))\s*$/.exec(text.slice(0, pos))![1].trim().replace(/\s+/g, " ");
    hint = `a \`def\` computes a value, \`def f(x) = ...\`; for a block of statements declare a proc, \`proc ${proc} { ... }\`, and call it as a statement`;
  } else if (found.tok === "=" && texts.includes("{") && /\bproc\s+[A-Za-z_]\w*\s*\([^()]*\)\s*$/.test(text.slice(0, pos))) {
    hint = "a `proc` runs a block of statements, `proc p(x: T) { ... }`; to compute a value, declare a `def`: `def f(x: T) = ...`";
  } else if (found.tok === "/*") {
    hint = "this comment is never closed: `*/` is missing";
  } else if (found.tok !== undefined && FOREIGN[found.tok] !== undefined) {
    hint = FOREIGN[found.tok];
  } else if ((found.tok === "+=" || found.tok === "-=") && !texts.includes("+=")) {
    hint = `\`${found.tok}\` assigns, in a statement of its own: is the statement before it unfinished?`;
  } else if (found.tok === "==" && texts.includes("+=")) {
    hint = "a statement cannot be a comparison: write `require ...` for a guard, or `=` to assign";
  } else if (found.tok === "=" && texts.includes("==")) {
    hint = "to compare, write `==`";
  }
  if (hint === undefined && texts.includes("spec")) {
    hint = "a spec file starts with `spec Name`";
  }
  return error(file, found.span, `expected ${joinAlternatives(items)}, found ${found.words}`, hint);
}
