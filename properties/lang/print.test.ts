// The pretty-printer: printing then parsing gives back the same tree (spans aside), for any tree
// the parser can produce and for well-formed specs; printing is idempotent; shipped specs print
// to text that parses to the same tree.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as A from "../../src/lang/ast.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";
import { parseSpec } from "../../src/lang/parse.js";
import { printSpec } from "../../src/lang/print.js";
import { exprArb, stripSpans, syntaxTreeArb } from "./support/ast-arb.js";

function reparse(text: string): A.Spec {
  const r = parseSpec(text, "<printed>");
  if (!r.ast || r.diagnostics.length) throw new Error(`printed text does not parse:\n${renderDiagnostics(r.diagnostics)}\n---\n${text}`);
  return r.ast;
}

const S = { start: 0, end: 0 };
const leaf = (name: string): A.Expr => ({ kind: "name", name, span: S });
const OPS: A.BinaryOp[] = [
  "+", "-", "*", "/", "%", "**", "==", "!=", "<", "<=", ">", ">=", "and", "or", "implies", "iff", "in", "notin", "subset", "union", "intersect", "minus",
];

/** Every way an expression can sit inside another: each operand position of each operator. */
const CONTEXTS: ((hole: A.Expr) => A.Expr)[] = [
  ...OPS.flatMap((op) => [
    (h: A.Expr): A.Expr => ({ kind: "binary", op, left: h, right: leaf("r"), opSpan: S, span: S }),
    (h: A.Expr): A.Expr => ({ kind: "binary", op, left: leaf("l"), right: h, opSpan: S, span: S }),
  ]),
  (h) => ({ kind: "unary", op: "-", operand: h, span: S }),
  (h) => ({ kind: "unary", op: "not", operand: h, span: S }),
  (h) => ({ kind: "index", target: h, index: leaf("i"), span: S }),
  (h) => ({ kind: "index", target: leaf("m"), index: h, span: S }),
  (h) => ({ kind: "field", target: h, field: { text: "f", span: S }, span: S }),
  (h) => ({ kind: "ite", cond: h, then: leaf("t"), else: leaf("e"), span: S }),
  (h) => ({ kind: "ite", cond: leaf("c"), then: h, else: leaf("e"), span: S }),
  (h) => ({ kind: "ite", cond: leaf("c"), then: leaf("t"), else: h, span: S }),
  (h) => ({ kind: "let", name: { text: "y", span: S }, value: h, body: leaf("b"), span: S }),
  (h) => ({ kind: "let", name: { text: "y", span: S }, value: leaf("v"), body: h, span: S }),
  (h) => ({ kind: "aggregate", op: "filter", binders: [{ name: { text: "x", span: S }, domain: { kind: "expr", expr: h, span: S }, span: S }], where: h, body: null, span: S }),
  (h) => ({ kind: "call", callee: { text: "f", span: S }, args: [h], span: S }),
  (h) => ({ kind: "aggregate", op: "sum", binders: [{ name: { text: "x", span: S }, domain: { kind: "expr", expr: h, span: S }, span: S }], where: null, body: leaf("b"), span: S }),
  (h) => ({ kind: "aggregate", op: "all", binders: [{ name: { text: "x", span: S }, domain: { kind: "range", lo: h, hi: h, span: S }, span: S }], where: h, body: h, span: S }),
];

describe("printSpec", () => {
  it("round-trips every pair of nested operators (each operand position of each operator, two deep)", () => {
    let n = 0;
    for (const outer of CONTEXTS) {
      for (const inner of CONTEXTS) {
        const expr = outer(inner(leaf("x")));
        const ast: A.Spec = { kind: "spec", name: { text: "S", span: S }, decls: [{ kind: "invariant", name: { text: "i", span: S }, expr, span: S }], span: S };
        expect(stripSpans(reparse(printSpec(ast)))).toEqual(stripSpans(ast));
        n++;
      }
    }
    expect(n).toBe(CONTEXTS.length ** 2);
  });

  it("round-trips expressions: precedence, associativity and `if then else` get the parentheses they need", () => {
    // Many small expressions: operator pairs are where printers go wrong.
    fc.assert(
      fc.property(exprArb, (expr) => {
        const ast: A.Spec = { kind: "spec", name: { text: "S", span: expr.span }, decls: [{ kind: "invariant", name: { text: "i", span: expr.span }, expr, span: expr.span }], span: expr.span };
        const text = printSpec(ast);
        expect(stripSpans(reparse(text))).toEqual(stripSpans(ast));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips any syntax tree: parse(print(ast)) equals ast modulo spans, and print is idempotent", () => {
    fc.assert(
      fc.property(syntaxTreeArb, (ast) => {
        const text = printSpec(ast);
        const back = reparse(text);
        expect(stripSpans(back)).toEqual(stripSpans(ast));
        expect(printSpec(back)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
