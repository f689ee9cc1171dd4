// Operator precedence for the flat operand/operator sequences the grammar produces (see the
// expressions section of stake.ohm). A small Pratt parser builds the same tree a rule per level
// would, and reports the sequences a rule per level would reject (`a < b < c`, `a == not b`)
// with a message about the operators instead of a generic syntax error.

import type { BinaryOp, Expr, Span, TemporalOp } from "./ast.js";

/** Binding strength, loosest first (TOP: a whole expression; POSTFIX: `[i]`, `.f`; PRIMARY: the rest).
 * LEADS: `~>`, looser than every other operator (`a and b ~> c or d` is `(a and b) ~> (c or d)`).
 * `**` binds more tightly than a prefix `-`, as in mathematics: `-a ** 2` is `-(a ** 2)`. */
export const LEVEL = { TOP: 0, LEADS: 0.5, IMP: 1, OR: 2, AND: 3, NOT: 4, CMP: 5, SET: 6, ADD: 7, MUL: 8, NEG: 9, POW: 10, POSTFIX: 11, PRIMARY: 12 } as const;

type Assoc = "left" | "right" | "none";

export function operatorLevel(op: BinaryOp): { level: number; assoc: Assoc } {
  switch (op) {
    case "implies":
      return { level: LEVEL.IMP, assoc: "right" };
    case "iff":
      return { level: LEVEL.IMP, assoc: "none" };
    case "or":
      return { level: LEVEL.OR, assoc: "left" };
    case "and":
      return { level: LEVEL.AND, assoc: "left" };
    case "==": case "!=": case "<": case "<=": case ">": case ">=": case "in": case "notin": case "subset":
      return { level: LEVEL.CMP, assoc: "none" };
    case "union": case "intersect": case "minus":
      return { level: LEVEL.SET, assoc: "left" };
    case "+": case "-":
      return { level: LEVEL.ADD, assoc: "left" };
    case "*": case "/": case "%":
      return { level: LEVEL.MUL, assoc: "left" };
    case "**":
      return { level: LEVEL.POW, assoc: "right" };
  }
}

/** One element of the flat sequence. `outer` spans include parentheses around the operand. */
export type Token =
  | { readonly t: "prefix"; readonly op: "not" | "-" | TemporalOp; readonly span: Span }
  | { readonly t: "operand"; readonly expr: Expr; readonly outer: Span }
  | { readonly t: "binary"; readonly op: BinaryOp | "~>"; readonly span: Span };

/** `~>` groups to the right (`p ~> q ~> r` is `p ~> (q ~> r)`, which the checker refuses). */
function levelOf(op: BinaryOp | "~>"): { level: number; assoc: Assoc } {
  return op === "~>" ? { level: LEVEL.LEADS, assoc: "right" } : operatorLevel(op);
}

export interface Problem {
  readonly span: Span;
  readonly message: string;
  readonly hint?: string;
}

const shown = (op: BinaryOp | "~>") => (op === "notin" ? "not in" : op);

/** Builds the tree of a sequence `prefix* operand (binary prefix* operand)*`. */
export function buildExpr(tokens: readonly Token[], problems: Problem[]): Expr {
  let k = 0;

  // Parses an operand and every following operator that binds at least as tightly as `min`.
  // `after` is the operator (or prefix) whose operand this is, for messages.
  function parse(min: number, after: string | null): { e: Expr; start: number; end: number } {
    const tok = tokens[k++];
    let lhs: { e: Expr; start: number; end: number };
    if (tok.t === "prefix") {
      if (tok.op === "not") {
        if (min > LEVEL.NOT && after !== null) {
          problems.push({
            span: tok.span,
            message: `\`not\` binds more loosely than \`${after}\`, so \`not ...\` needs parentheses here`,
            hint: after === "-" ? "as in `-(not b)`" : `as in \`a ${after} (not b)\``,
          });
        }
        const operand = parse(LEVEL.NOT, "not");
        lhs = { e: { kind: "unary", op: "not", operand: operand.e, span: { start: tok.span.start, end: operand.end } }, start: tok.span.start, end: operand.end };
      } else if (tok.op === "eventually" || tok.op === "always") {
        // Like `not`, but over a whole implication: `eventually a and b` is `eventually (a and b)`.
        const operand = parse(LEVEL.IMP, tok.op);
        const s = { start: tok.span.start, end: operand.end };
        lhs = { e: { kind: "temporal", op: tok.op, operand: operand.e, opSpan: tok.span, span: s }, start: s.start, end: s.end };
      } else {
        const operand = parse(LEVEL.NEG, "-");
        lhs = { e: { kind: "unary", op: "-", operand: operand.e, span: { start: tok.span.start, end: operand.end } }, start: tok.span.start, end: operand.end };
      }
    } else if (tok.t === "operand") {
      lhs = { e: tok.expr, start: tok.outer.start, end: tok.outer.end };
    } else {
      throw new Error("internal: an operator where an operand belongs");
    }
    while (k < tokens.length) {
      const op = tokens[k];
      if (op.t !== "binary") throw new Error("internal: an operand where an operator belongs");
      const { level, assoc } = levelOf(op.op);
      if (level < min) break;
      k++;
      const rhs = parse(assoc === "right" ? level : level + 1, shown(op.op));
      const span = { start: lhs.start, end: rhs.end };
      lhs = {
        e: op.op === "~>"
          ? { kind: "leadsto", left: lhs.e, right: rhs.e, opSpan: op.span, span }
          : { kind: "binary", op: op.op, left: lhs.e, right: rhs.e, opSpan: op.span, span },
        start: lhs.start,
        end: rhs.end,
      };
      const next = tokens[k];
      if (assoc === "none" && next?.t === "binary" && levelOf(next.op).level === level) {
        problems.push(
          level === LEVEL.CMP
            ? {
                span: next.span,
                message: `comparisons do not chain: \`${shown(next.op)}\` cannot follow \`${shown(op.op)}\``,
                hint: next.op === "in"
                  ? "join two comparisons with `and`, or add parentheses; in `let x = value in body`, the value ends at its first `in`, so write a membership there in parentheses: `let x = (a in S) in ...`"
                  : "join two comparisons with `and`, or add parentheses",
              }
            : {
                span: next.span,
                message: `\`${shown(next.op)}\` cannot follow \`${shown(op.op)}\` without parentheses`,
                hint: `add parentheses to say which comes first, as in \`(a ${shown(op.op)} b) ${shown(next.op)} c\``,
              },
        );
      }
    }
    return lhs;
  }

  const r = parse(0, null);
  return r.e;
}
