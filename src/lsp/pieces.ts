// Parsing as the user types. Ohm re-parses a 1,000-line spec in about 0.4 s, and building the
// syntax tree is a third of that; an edit touches one declaration. So a file is cut into pieces at
// the lines that start a declaration, each piece is parsed alone (`pieceTree`) and cached by its
// text, and the tree is assembled with the spans shifted. The answer is the one `parseSpec` gives
// (the tests compare them on every prefix of every shipped spec): when every piece parses, the
// whole file parses into the same tree, because a declaration cannot run on past a line that starts
// with a declaration keyword. When a piece fails, the syntax error comes from a match of the whole
// file, as `lint` reports it, on an incremental Ohm matcher that re-parses only what changed; the
// pieces that did parse still give the editor the names they declare ("recovered" declarations).

import type * as ohm from "ohm-js";
import type { Decl, Name, Span, Spec } from "../lang/ast.js";
import { tooDeepNode, tooManyBrackets } from "../lang/depth.js";
import { error, type Diagnostic } from "../lang/diagnostic.js";
import { stakeGrammar } from "../lang/grammar.js";
import { deepDiagnostic, parseSpec, pieceTree, type ParseResult } from "../lang/parse.js";
import { SourceFile } from "../lang/source.js";
import { syntaxError } from "../lang/syntax-error.js";

/** A line that starts a declaration: modifiers, a declaration keyword, a name. The keywords of the
 * language's second edition are here already (a piece that does not parse is merely not cached). */
const DECL_START =
  /^[ \t]*(?:(?:strong|fair|symmetric|ghost)[ \t]+)*(?:const|type|var|action|def|proc|invariant|step|liveness)[ \t]+[A-Za-z_]/gm;

interface Piece {
  /** Relative spans; null when the piece does not parse. */
  readonly ast: Name | Decl | null;
  readonly problems: readonly { span: Span; message: string; hint?: string }[];
  /** The tree shifted to `offset`, kept while the piece stays at the same place. */
  shifted?: { offset: number; ast: Name | Decl };
}

export interface Parsed {
  /** Exactly what `parseSpec` returns for the text. */
  readonly result: ParseResult;
  /** The tree when the text parses; otherwise the declarations whose pieces parse (absolute spans). */
  readonly recovered: Spec;
}

/** The offsets where pieces start: 0 (the header), then every declaration line. */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(DECL_START)) if (m.index > 0) starts.push(m.index);
  return starts;
}

/** A copy of a syntax tree with every span moved by `by`. Generic over node kinds: a span is any
 * object with numeric `start` and `end`, so new syntax needs nothing here. */
export function shiftSpans<T>(node: T, by: number): T {
  if (Array.isArray(node)) return node.map((x) => shiftSpans(x, by)) as T;
  if (node === null || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  if (typeof o.start === "number" && typeof o.end === "number" && Object.keys(o).length === 2) {
    return { start: o.start + by, end: o.end + by } as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = shiftSpans(o[k], by);
  return out as T;
}

/** Where Ohm's skipping of spaces (any character up to U+0020) and comments stops. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    if (text.charCodeAt(i) <= 32) i++;
    else if (text.startsWith("//", i)) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return i;
      i = end + 2;
    } else break;
  }
  return i;
}

/** Ohm's matcher internals: its memo table, which `syntaxError` may reset (see below). */
interface MatcherMemo {
  _memoTable: unknown[];
  _isMemoTableStale: boolean;
}

export class IncrementalParser {
  private pieces = new Map<string, Piece>();
  private matcher: ohm.Matcher | undefined;
  private pieceMatcher: ohm.Matcher | undefined;

  constructor(private readonly path: string) {}

  parse(text: string): Parsed {
    const file = new SourceFile(this.path, text);
    if (tooManyBrackets(text)) return { result: parseSpec(text, this.path), recovered: emptySpec(file) };
    const starts = pieceStarts(text);
    const next = new Map<string, Piece>();
    let header: Name | null = null;
    const decls: Decl[] = [];
    const problems: Diagnostic[] = [];
    let failed = false;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      const piece = this.piece(text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length), i === 0, next);
      if (!piece.ast) {
        failed = true;
        continue;
      }
      if (!piece.shifted || piece.shifted.offset !== start) piece.shifted = { offset: start, ast: shiftSpans(piece.ast, start) };
      for (const p of piece.problems) problems.push(error(file, { start: p.span.start + start, end: p.span.end + start }, p.message, p.hint));
      if (i === 0) header = piece.shifted.ast as Name;
      else decls.push(piece.shifted.ast as Decl);
    }
    this.pieces = next;
    const spec: Spec = {
      kind: "spec",
      name: header ?? { text: "", span: { start: 0, end: 0 } },
      decls,
      span: { start: skipSpace(text, 0), end: text.length },
    };
    if (!failed) {
      const deep = tooDeepNode(spec);
      if (deep) problems.push(deepDiagnostic(file, deep));
      return { result: { file, ast: spec, diagnostics: problems }, recovered: spec };
    }
    return { result: this.wholeFile(file), recovered: spec };
  }

  private piece(text: string, header: boolean, next: Map<string, Piece>): Piece {
    const key = (header ? "H" : "D") + text;
    let p = this.pieces.get(key) ?? next.get(key);
    if (!p) {
      const r = this.matchPiece(text, header ? "SpecHeader" : "Decl");
      p = r ? { ast: r.ast, problems: r.problems } : { ast: null, problems: [] };
    }
    next.set(key, p);
    return p;
  }

  /** Brings the whole-file matcher up to `text` (a match, its result unused), so that the next
   * syntax error costs an incremental match rather than a whole parse. For idle time. */
  warm(text: string): void {
    const m0 = (this.matcher ??= stakeGrammar().matcher());
    if (m0.getInput() === text) return;
    replaceChanged(m0, text);
    try {
      m0.match();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.matcher = undefined;
    }
  }

  /** Parses a piece not seen before. The piece being typed changes a character at a time, so its
   * successive texts go through one incremental matcher, which re-parses only what changed. */
  private matchPiece(text: string, rule: "SpecHeader" | "Decl"): ReturnType<typeof pieceTree> | null {
    const m0 = (this.pieceMatcher ??= stakeGrammar().matcher());
    try {
      replaceChanged(m0, text);
      const m = m0.match(rule);
      return m.succeeded() ? pieceTree(m) : null;
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.pieceMatcher = undefined;
      return null;
    }
  }

  /** The whole file's syntax error, on a matcher that keeps its memo table between edits. */
  private wholeFile(file: SourceFile): ParseResult {
    const text = file.text;
    const m0 = (this.matcher ??= stakeGrammar().matcher());
    replaceChanged(m0, text);
    let m: ohm.MatchResult;
    try {
      m = m0.match();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.matcher = undefined;
      return parseSpec(text, this.path);
    }
    // The pieces were cut where no declaration starts (a declaration line inside a block comment):
    // the file parses after all; take the tree the ordinary way.
    if (m.succeeded()) return parseSpec(text, this.path);
    // Looking for what was expected at another position re-runs the match without the memo table,
    // which Ohm then drops: keep it, as it still describes this text.
    const memo = m0 as unknown as MatcherMemo;
    const saved = memo._memoTable;
    const diagnostic = syntaxError(file, m as ohm.FailedMatchResult);
    memo._memoTable = saved;
    memo._isMemoTableStale = false;
    return { file, ast: null, diagnostics: [diagnostic] };
  }
}

/** Gives a matcher a new text as one replaced range (between the common prefix and the common
 * suffix), so it keeps its memo table for the rest. */
function replaceChanged(m: ohm.Matcher, text: string): void {
  const before = m.getInput();
  let a = 0;
  const limit = Math.min(before.length, text.length);
  while (a < limit && before.charCodeAt(a) === text.charCodeAt(a)) a++;
  let b = 0;
  while (b < limit - a && before.charCodeAt(before.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
  m.replaceInputRange(a, before.length - b, text.slice(a, text.length - b));
}

function emptySpec(file: SourceFile): Spec {
  return { kind: "spec", name: { text: "", span: { start: 0, end: 0 } }, decls: [], span: { start: 0, end: file.text.length } };
}
