// Random syntax trees of any shape the parser can produce, well-typed or not: for the printer's
// round trip, which must hold for every tree, not only for specs that check. Spans are dummies;
// compare trees with `stripSpans`.

import fc from "fast-check";
import type * as A from "../../../src/lang/ast.js";

const S: A.Span = { start: 0, end: 0 };

/** Names, including ones that start with a keyword (`iffy`, `notes`), which the lexer must not split. */
const NAMES = [
  "a", "b", "x", "N", "Account", "f", "min", "max", "old", "caller", "len", "_z", "v2",
  "iffy", "notes", "inner", "orbit", "android", "settle", "mapping", "summary", "country", "true_", "action1", "by_", "elsewhere",
];

export const nameArb: fc.Arbitrary<A.Name> = fc.constantFrom(...NAMES).map((text) => ({ text, span: S }));

const BINARY: A.BinaryOp[] = [
  "+", "-", "*", "/", "%", "**", "==", "!=", "<", "<=", ">", ">=", "and", "or", "implies", "iff", "in", "notin", "subset", "union", "intersect", "minus",
];

/** Removes `span` and `opSpan` everywhere, for comparing trees. */
export function stripSpans(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stripSpans);
  if (x !== null && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== "span" && k !== "opSpan") out[k] = stripSpans(v);
    return out;
  }
  return x;
}

const small = <T>(arb: fc.Arbitrary<T>, min = 0, max = 3) => fc.array(arb, { minLength: min, maxLength: max });

const trees = fc.letrec<{ expr: A.Expr; domain: A.Domain; type: A.TypeExpr; stmt: A.Stmt }>((tie) => {
  const expr = tie("expr");
  const domain = tie("domain");
  const type = tie("type");
  const stmt = tie("stmt");
  const binder = fc.record({ name: nameArb, domain, span: fc.constant(S) });
  const leaf: fc.Arbitrary<A.Expr> = fc.oneof(
    fc.oneof(fc.nat({ max: 100 }), fc.maxSafeNat()).map((value): A.Expr => ({ kind: "num", value, span: S })),
    fc.boolean().map((value): A.Expr => ({ kind: "bool", value, span: S })),
    nameArb.map((n): A.Expr => ({ kind: "name", name: n.text, span: S })),
    fc.constant<A.Expr>({ kind: "action", span: S }),
  );
  // Assignment targets: a name followed by index and field steps.
  const lvalue: fc.Arbitrary<A.Expr> = fc
    .tuple(nameArb, small(fc.oneof(expr.map((i) => ({ i })), nameArb.map((f) => ({ f })))))
    .map(([n, steps]) =>
      steps.reduce<A.Expr>(
        (t, s) => ("i" in s ? { kind: "index", target: t, index: s.i, span: S } : { kind: "field", target: t, field: s.f, span: S }),
        { kind: "name", name: n.text, span: S },
      ),
    );
  return {
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom<"-" | "not">("-", "not"), expr).map(([op, operand]): A.Expr => ({ kind: "unary", op, operand, span: S })),
      fc.tuple(fc.constantFrom(...BINARY), expr, expr).map(([op, left, right]): A.Expr => ({ kind: "binary", op, left, right, opSpan: S, span: S })),
      fc.tuple(expr, expr, expr).map(([c, t, e]): A.Expr => ({ kind: "ite", cond: c, then: t, else: e, span: S })),
      fc.tuple(nameArb, expr, expr).map(([name, value, body]): A.Expr => ({ kind: "let", name, value, body, span: S })),
      fc.tuple(expr, expr).map(([target, index]): A.Expr => ({ kind: "index", target, index, span: S })),
      fc.tuple(expr, nameArb).map(([target, field]): A.Expr => ({ kind: "field", target, field, span: S })),
      fc.tuple(nameArb, small(expr)).map(([callee, args]): A.Expr => ({ kind: "call", callee, args, span: S })),
      fc
        .tuple(fc.constantFrom<A.AggregateOp>("all", "any", "sum", "min", "max", "map"), small(binder, 1, 2), fc.option(expr), expr)
        .map(([op, binders, where, body]): A.Expr => ({ kind: "aggregate", op, binders, where, body, span: S })),
      fc
        .tuple(fc.constantFrom<A.AggregateOp>("count", "set"), small(binder, 1, 2), expr)
        .map(([op, binders, where]): A.Expr => ({ kind: "aggregate", op, binders, where, body: null, span: S })),
      fc.tuple(binder, expr).map(([b, where]): A.Expr => ({ kind: "aggregate", op: "filter", binders: [b], where, body: null, span: S })),
      small(expr).map((elems): A.Expr => ({ kind: "setLit", elems, span: S })),
      small(expr).map((elems): A.Expr => ({ kind: "seqLit", elems, span: S })),
      small(fc.record({ name: nameArb, value: expr, span: fc.constant(S) }), 1).map((fields): A.Expr => ({ kind: "recordLit", fields, span: S })),
    ),
    domain: fc.oneof(
      fc.tuple(expr, expr).map(([lo, hi]): A.Domain => ({ kind: "range", lo, hi, span: S })),
      fc.constant<A.Domain>({ kind: "bool", span: S }),
      expr.map((e): A.Domain => ({ kind: "expr", expr: e, span: S })),
    ),
    type: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      nameArb.map((name): A.TypeExpr => ({ kind: "named", name, span: S })),
      fc.constant<A.TypeExpr>({ kind: "bool", span: S }),
      fc.tuple(expr, expr).map(([lo, hi]): A.TypeExpr => ({ kind: "range", lo, hi, span: S })),
      small(nameArb, 1).map((members): A.TypeExpr => ({ kind: "enum", members, span: S })),
      type.map((elem): A.TypeExpr => ({ kind: "set", elem, span: S })),
      fc.tuple(type, type).map(([key, value]): A.TypeExpr => ({ kind: "map", key, value, span: S })),
      fc.tuple(type, expr).map(([elem, capacity]): A.TypeExpr => ({ kind: "seq", elem, capacity, span: S })),
      small(fc.record({ name: nameArb, type, span: fc.constant(S) }), 1).map((fields): A.TypeExpr => ({ kind: "record", fields, span: S })),
    ),
    stmt: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      expr.map((cond): A.Stmt => ({ kind: "require", cond, span: S })),
      fc.tuple(nameArb, expr).map(([name, value]): A.Stmt => ({ kind: "let", name, value, span: S })),
      fc.tuple(lvalue, fc.constantFrom<A.AssignOp>("=", "+=", "-="), expr).map(([target, op, value]): A.Stmt => ({ kind: "assign", target, op, value, span: S })),
      fc.tuple(nameArb, domain, fc.option(expr)).map(([name, d, where]): A.Stmt => ({ kind: "pick", name, domain: d, where, span: S })),
      fc.tuple(expr, small(stmt), fc.option(small(stmt))).map(([cond, then, els]): A.Stmt => ({ kind: "if", cond, then, else: els, span: S })),
      fc.tuple(nameArb, domain, small(stmt)).map(([name, d, body]): A.Stmt => ({ kind: "for", name, domain: d, body, span: S })),
      fc.tuple(nameArb, small(expr)).map(([callee, args]): A.Stmt => ({ kind: "call", callee, args, span: S })),
    ),
  };
});

export const exprArb = trees.expr;
export const typeArb = trees.type;
export const stmtArb = trees.stmt;

const param = fc.record({ name: nameArb, type: typeArb, span: fc.constant(S) });

export const declArb: fc.Arbitrary<A.Decl> = fc.oneof(
  fc.tuple(nameArb, exprArb).map(([name, value]): A.Decl => ({ kind: "const", name, value, span: S })),
  fc.tuple(nameArb, typeArb, fc.boolean()).map(([name, type, symmetric]): A.Decl => ({ kind: "type", name, type, symmetric, span: S })),
  fc.tuple(nameArb, typeArb, exprArb, fc.boolean()).map(([name, type, init, ghost]): A.Decl => ({ kind: "var", name, type, init, ghost, span: S })),
  fc
    .tuple(nameArb, small(param), fc.option(param), small(stmtArb, 0, 4))
    .map(([name, params, by, body]): A.Decl => ({ kind: "action", name, params, by, body, span: S })),
  fc
    .tuple(nameArb, small(param), fc.option(typeArb), exprArb)
    .map(([name, params, returnType, body]): A.Decl => ({ kind: "def", name, params, returnType, body, span: S })),
  fc
    .tuple(nameArb, small(param), small(stmtArb, 0, 4))
    .map(([name, params, body]): A.Decl => ({ kind: "proc", name, params, body, span: S })),
  fc.tuple(nameArb, exprArb).map(([name, expr]): A.Decl => ({ kind: "invariant", name, expr, span: S })),
  fc.tuple(nameArb, exprArb).map(([name, expr]): A.Decl => ({ kind: "step", name, expr, span: S })),
);

/** Any syntax tree the parser could produce. */
export const syntaxTreeArb: fc.Arbitrary<A.Spec> = fc
  .tuple(nameArb, fc.array(declArb, { maxLength: 6 }))
  .map(([name, decls]) => ({ kind: "spec", name, decls, span: S }));
