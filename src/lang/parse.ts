import type * as ohm from "ohm-js";
import type {
  AggregateOp, AssignOp, BinaryOp, Binder, Decl, Domain, Expr, Fairness, Field, FieldInit, Name, Param, Span, Spec, Stmt, TypeExpr,
} from "./ast.js";
import { MAX_BRACKETS, MAX_TREE_DEPTH, tooDeepNode, tooManyBrackets } from "./depth.js";
import { error, type Diagnostic } from "./diagnostic.js";
import { buildExpr, type Problem, type Token } from "./operators.js";
import { stakeGrammar } from "./grammar.js";
import { SourceFile } from "./source.js";
import { fieldDigits, valueActions } from "./parse-values.js";
import { syntaxError } from "./syntax-error.js";
import { overBudget, parseBudget } from "./budget.js";

export interface ParseResult {
  readonly file: SourceFile;
  /** Null when the text does not parse; `diagnostics` then says why. */
  readonly ast: Spec | null;
  readonly diagnostics: Diagnostic[];
}

let semantics: ohm.Semantics | undefined;

/** `fair` and `strong fair` belong on actions: on anything else they are an error (found here,
 * where the keyword's span is known), and the declaration is kept as if they were not there. */
function fairDecl(fairness: Fairness, decl: Decl, node: ohm.Node): Decl {
  const word = fairness.kind === "strong" ? "strong fair" : "fair";
  if (decl.kind !== "action") {
    pending.push({ span: fairness.span, message: `\`${word}\` applies only to actions, not to ${DECL_WORD[decl.kind]}`, hint: "fairness says an action cannot stay enabled and never be taken: `fair action withdraw(a: Account) { ... }`" });
    return decl;
  }
  if (decl.fairness) {
    pending.push({ span: fairness.span, message: `\`${decl.name.text}\` is declared fair twice`, hint: "write `fair action` (weak fairness) or `strong fair action` (strong fairness), once" });
    return decl;
  }
  return { ...decl, fairness, span: span(node) };
}

const DECL_WORD: Record<Decl["kind"], string> = {
  const: "a const",
  type: "a type",
  var: "a variable",
  action: "an action",
  def: "a def",
  proc: "a proc",
  invariant: "an invariant",
  step: "a step property",
  liveness: "a liveness property",
};
/** Problems found while building the tree (numbers too large); reset per parse. */
let pending: { span: Span; message: string; hint?: string }[] = [];

function span(node: ohm.Node): Span {
  return { start: node.source.startIdx, end: node.source.endIdx };
}

function name(node: ohm.Node): Name {
  return { text: node.sourceString, span: span(node) };
}

function list<T>(node: ohm.Node): T[] {
  return node.asIteration().children.map((c) => c.ast() as T);
}

function opt<T>(node: ohm.Node): T | null {
  return node.numChildren === 0 ? null : (node.children[0].ast() as T);
}

/** The text of a binary operator node as the tree spells it. */
function binaryOp(node: ohm.Node): BinaryOp | "~>" {
  const text = node.sourceString;
  return (text.startsWith("not") ? "notin" : text) as BinaryOp | "~>";
}

function prefixOp(text: string): "not" | "-" | "eventually" | "always" {
  return text === "-" || text === "eventually" || text === "always" ? text : "not";
}

/** An operand node (`Prefix* PostfixExpr`) or a negated one (`NegPrefix* PostfixExpr`) as tokens. */
function operandTokens(node: ohm.Node, out: Token[]): void {
  const [prefixes, postfix] = node.children;
  for (const p of prefixes.children) out.push({ t: "prefix", op: prefixOp(p.sourceString), span: span(p) });
  out.push({ t: "operand", expr: postfix.ast(), outer: span(postfix) });
}

/** `first (op rest)*`: an operand/operator sequence, precedence applied by buildExpr. */
function sequence(first: ohm.Node, ops: ohm.Node, rest: ohm.Node): Expr {
  const tokens: Token[] = [];
  operandTokens(first, tokens);
  // Ohm builds a wrapper's `children` array on each access: read it once (quadratic otherwise).
  const operands = rest.children;
  ops.children.forEach((op, i) => {
    tokens.push({ t: "binary", op: binaryOp(op), span: span(op) });
    operandTokens(operands[i], tokens);
  });
  if (tokens.length === 1 && tokens[0].t === "operand") return tokens[0].expr;
  const problems: Problem[] = [];
  const e = buildExpr(tokens, problems);
  for (const p of problems) pending.push(p);
  return e;
}

/** The condition of `count(...)`, `set(...)` or `filter(...)`: after `where` or `:`. */
function filterCond(filter: ohm.Node): Expr {
  const f = filter.children[0];
  return f.ctorName === "FilterBody_where" ? (f.children[0].ast() as Expr) : (f.children[1].ast() as Expr);
}

function buildSemantics(): ohm.Semantics {
  const s = stakeGrammar().createSemantics();
  s.addOperation("ast", {
    ...valueActions({ span, name, list, pending: (p) => pending.push(p) }),
    Spec(header, decls, _end) {
      const h = header.ast() as Name;
      return { kind: "spec", name: h, decls: decls.children.map((d) => d.ast()), span: span(this) } satisfies Spec;
    },
    SpecHeader(_kw, n) {
      return name(n);
    },
    ConstDecl(_kw, n, _eq, value, _semi) {
      return { kind: "const", name: name(n), value: value.ast(), span: span(this) } satisfies Decl;
    },
    TypeDecl(sym, _kw, n, _eq, type, _semi) {
      return { kind: "type", name: name(n), type: type.ast(), symmetric: sym.numChildren > 0, span: span(this) } satisfies Decl;
    },
    VarDecl(ghost, _kw, n, _colon, type, _eq, init, _semi) {
      return {
        kind: "var", name: name(n), type: type.ast(), init: init.ast(), ghost: ghost.numChildren > 0, span: span(this),
      } satisfies Decl;
    },
    ActionDecl(_kw, n, _open, params, _close, by, body) {
      return {
        kind: "action", name: name(n), params: list<Param>(params), by: opt<Param>(by), body: body.ast(), span: span(this),
      } satisfies Decl;
    },
    ByClause(_kw, n, _colon, type) {
      return { name: name(n), type: type.ast(), span: span(this) } satisfies Param;
    },
    Param(n, _colon, type) {
      return { name: name(n), type: type.ast(), span: span(this) } satisfies Param;
    },
    DefDecl(_kw, n, _open, params, _close, ret, _eq, body, _semi) {
      return {
        kind: "def", name: name(n), params: list<Param>(params), returnType: opt<TypeExpr>(ret), body: body.ast(), span: span(this),
      } satisfies Decl;
    },
    ReturnType(_colon, type) {
      return type.ast();
    },
    ProcDecl(_kw, n, _open, params, _close, body) {
      return { kind: "proc", name: name(n), params: list<Param>(params), body: body.ast(), span: span(this) } satisfies Decl;
    },
    InvariantDecl(_kw, n, _colon, expr, _semi) {
      return { kind: "invariant", name: name(n), expr: expr.ast(), span: span(this) } satisfies Decl;
    },
    StepDecl(_kw, n, _colon, expr, _semi) {
      return { kind: "step", name: name(n), expr: expr.ast(), span: span(this) } satisfies Decl;
    },
    LivenessDecl(_kw, n, _colon, expr, _semi) {
      return { kind: "liveness", name: name(n), expr: expr.ast(), span: span(this) } satisfies Decl;
    },
    FairDecl(fairness, decl) {
      return fairDecl({ kind: fairness.children[0].numChildren > 0 ? "strong" : "weak", span: span(fairness) }, decl.ast() as Decl, this);
    },

    Type_bool(_kw) {
      return { kind: "bool", span: span(this) } satisfies TypeExpr;
    },
    Type_enum(_kw, _open, members, _comma, _close) {
      return { kind: "enum", members: members.asIteration().children.map(name), span: span(this) } satisfies TypeExpr;
    },
    Type_set(_kw, _lt, elem, _gt) {
      return { kind: "set", elem: elem.ast(), span: span(this) } satisfies TypeExpr;
    },
    Type_map(_kw, _lt, key, _comma, value, _gt) {
      return { kind: "map", key: key.ast(), value: value.ast(), span: span(this) } satisfies TypeExpr;
    },
    Type_seq(_kw, _lt, elem, _comma, cap, _gt) {
      return { kind: "seq", elem: elem.ast(), capacity: cap.ast(), span: span(this) } satisfies TypeExpr;
    },
    Type_record(_open, fields, _comma, _close) {
      return { kind: "record", fields: list<Field>(fields), span: span(this) } satisfies TypeExpr;
    },
    Type_named(n) {
      return { kind: "named", name: name(n), span: span(this) } satisfies TypeExpr;
    },
    Field(n, _colon, type) {
      return { name: name(n), type: type.ast(), span: span(this) } satisfies Field;
    },

    Block(_open, stmts, _close) {
      return stmts.children.map((c) => c.ast());
    },
    RequireStmt(_kw, cond, _semi) {
      return { kind: "require", cond: cond.ast(), span: span(this) } satisfies Stmt;
    },
    LetStmt(_kw, n, _eq, value, _semi) {
      return { kind: "let", name: name(n), value: value.ast(), span: span(this) } satisfies Stmt;
    },
    IfStmt(_kw, cond, then, elseClause) {
      return { kind: "if", cond: cond.ast(), then: then.ast(), else: opt<Stmt[]>(elseClause), span: span(this) } satisfies Stmt;
    },
    ElseClause(_kw, body) {
      const b = body.ast() as Stmt | Stmt[];
      return Array.isArray(b) ? b : [b];
    },
    PickStmt(_kw, n, _in, domain, where, _semi) {
      return { kind: "pick", name: name(n), domain: domain.ast(), where: opt<Expr>(where), span: span(this) } satisfies Stmt;
    },
    ForStmt(_kw, n, _in, domain, body) {
      return { kind: "for", name: name(n), domain: domain.ast(), body: body.ast(), span: span(this) } satisfies Stmt;
    },
    CallStmt(n, _open, args, _close, _semi) {
      return { kind: "call", callee: name(n), args: list<Expr>(args), span: span(this) } satisfies Stmt;
    },
    AssignStmt(target, op, value, _semi) {
      return {
        kind: "assign", target: target.ast(), op: op.sourceString as AssignOp, value: value.ast(), span: span(this),
      } satisfies Stmt;
    },
    LValue(n, suffixes) {
      let e: Expr = { kind: "name", name: n.sourceString, span: span(n) };
      for (const suf of suffixes.children) {
        const end = suf.source.endIdx;
        const inner = suf.children[0];
        if (inner.ctorName === "LvSuffix_index") {
          e = { kind: "index", target: e, index: inner.children[1].ast(), span: { start: e.span.start, end } };
        } else {
          const field = inner.ctorName === "LvSuffix_tuplefield" ? fieldDigits(inner) : name(inner.children[1]);
          e = { kind: "field", target: e, field, span: { start: e.span.start, end } };
        }
      }
      return e;
    },

    Expr(first, ops, rest) {
      return sequence(first, ops, rest);
    },
    SetExpr(first, ops, rest) {
      return sequence(first, ops, rest);
    },
    AddExpr(first, ops, rest) {
      return sequence(first, ops, rest);
    },
    LetValue(first, ops, rest) {
      return sequence(first, ops, rest);
    },
    PostfixExpr(primary, ops) {
      let e = primary.ast() as Expr;
      const start = primary.source.startIdx;
      for (const suf of ops.children) {
        const inner = suf.children[0];
        const s: Span = { start, end: suf.source.endIdx };
        // `.0` of a tuple is a field named "0".
        e = inner.ctorName === "PostfixOp_index"
          ? { kind: "index", target: e, index: inner.children[1].ast(), span: s }
          : { kind: "field", target: e, field: inner.ctorName === "PostfixOp_tuplefield" ? fieldDigits(inner) : name(inner.children[1]), span: s };
      }
      return e;
    },
    Primary_paren(_open, e, _close) {
      return e.ast();
    },
    Primary_ite(_if, c, _then, t, _else, e) {
      return { kind: "ite", cond: c.ast(), then: t.ast(), else: e.ast(), span: span(this) } satisfies Expr;
    },
    Primary_let(_let, n, _eq, value, _in, body) {
      return { kind: "let", name: name(n), value: value.ast(), body: body.ast(), span: span(this) } satisfies Expr;
    },
    Primary_qfilter(_kw, _open, binder, filter, _close) {
      return { kind: "aggregate", op: "filter", binders: [binder.ast() as Binder], where: filterCond(filter), body: null, span: span(this) } satisfies Expr;
    },
    Primary_aggregate(op, _open, binders, where, _colon, body, _close) {
      return {
        kind: "aggregate", op: op.sourceString as AggregateOp, binders: list<Binder>(binders), where: opt<Expr>(where),
        body: body.ast(), span: span(this),
      } satisfies Expr;
    },
    Primary_filter(op, _open, binders, filter, _close) {
      return {
        kind: "aggregate", op: op.sourceString as AggregateOp, binders: list<Binder>(binders), where: filterCond(filter), body: null,
        span: span(this),
      } satisfies Expr;
    },
    Primary_call(n, _open, args, _close) {
      return { kind: "call", callee: name(n), args: list<Expr>(args), span: span(this) } satisfies Expr;
    },
    Primary_record(_open, fields, _comma, _close) {
      return { kind: "recordLit", fields: list<FieldInit>(fields), span: span(this) } satisfies Expr;
    },
    Primary_set(_open, elems, _comma, _close) {
      return { kind: "setLit", elems: list<Expr>(elems), span: span(this) } satisfies Expr;
    },
    Primary_seq(_open, elems, _comma, _close) {
      return { kind: "seqLit", elems: list<Expr>(elems), span: span(this) } satisfies Expr;
    },
    Primary_true(_kw) {
      return { kind: "bool", value: true, span: span(this) } satisfies Expr;
    },
    Primary_false(_kw) {
      return { kind: "bool", value: false, span: span(this) } satisfies Expr;
    },
    Primary_action(_kw) {
      return { kind: "action", span: span(this) } satisfies Expr;
    },
    Primary_name(n) {
      return { kind: "name", name: n.sourceString, span: span(this) } satisfies Expr;
    },
    Where(_kw, e) {
      return e.ast();
    },
    Domain_range(lo, _dots, hi) {
      return { kind: "range", lo: lo.ast(), hi: hi.ast(), span: span(this) } satisfies Domain;
    },
    Domain_bool(_kw) {
      return { kind: "bool", span: span(this) } satisfies Domain;
    },
    Domain_expr(e) {
      return { kind: "expr", expr: e.ast(), span: span(this) } satisfies Domain;
    },
    FieldInit(n, _colon, value) {
      return { name: name(n), value: value.ast(), span: span(this) } satisfies FieldInit;
    },
  });
  return s;
}

/** Parses a .stake text into a syntax tree; never throws on bad input. */
export function parseSpec(text: string, path = "<input>"): ParseResult {
  const file = new SourceFile(path, text);
  const over = overBudget(text, parseBudget());
  if (over) {
    const mib = (b: number) => `${Math.ceil(b / 2 ** 20).toLocaleString("en-US")} MiB`;
    return {
      file,
      ast: null,
      diagnostics: [
        error(
          file,
          { start: over.offset, end: over.offset + 1 },
          `the spec is too large to parse: its ${text.length.toLocaleString("en-US")} characters would take about ${mib(over.estimate)} of memory, and the memory left runs out here`,
          "split it into smaller specs (or give node more heap: NODE_OPTIONS=--max-old-space-size=...)",
        ),
      ],
    };
  }
  const brackets = tooManyBrackets(text);
  if (brackets) {
    return { file, ast: null, diagnostics: [error(file, brackets, `brackets nest more than ${MAX_BRACKETS} deep here`, "split the expression, for instance with `def`s")] };
  }
  let ast: Spec;
  try {
    const m = stakeGrammar().match(text);
    if (m.failed()) return { file, ast: null, diagnostics: [syntaxError(file, m as ohm.FailedMatchResult)] };
    semantics ??= buildSemantics();
    pending = [];
    ast = semantics(m).ast() as Spec;
  } catch (err) {
    // Nesting without brackets (`if a then if b then ...`, `not not ...`) can still exhaust the stack.
    if (!(err instanceof RangeError)) throw err;
    return { file, ast: null, diagnostics: [error(file, { start: 0, end: 0 }, "the spec nests too deeply to parse", "split deeply nested expressions, for instance with `def`s")] };
  }
  const diagnostics = pending.map((p) => error(file, p.span, p.message, p.hint));
  const deep = tooDeepNode(ast);
  if (deep) diagnostics.push(deepDiagnostic(file, deep));
  return { file, ast, diagnostics };
}

/** The error for a syntax tree nested beyond MAX_TREE_DEPTH, at the node where it goes too deep. */
export function deepDiagnostic(file: SourceFile, span: Span): Diagnostic {
  return error(file, span, `this expression nests more than ${MAX_TREE_DEPTH} levels deep`, "split it, for instance with `def`s or `let`s");
}

/** The tree of a match of one piece of a file (rule `SpecHeader` or `Decl`), spans relative to
 * the piece. The language server matches only the declaration being edited (src/lsp/pieces.ts). */
export function pieceTree(m: ohm.MatchResult): { ast: Name | Decl; problems: { span: Span; message: string; hint?: string }[] } {
  semantics ??= buildSemantics();
  pending = [];
  return { ast: semantics(m).ast() as Name | Decl, problems: pending };
}
