// The canonical .stake text of a syntax tree: parentheses only where precedence needs them,
// 2-space indentation, one declaration per line, blank lines around actions and defs.
// `parseSpec(printSpec(ast))` gives back `ast` (spans aside); comments and `_` in numbers are not
// kept, since the tree does not hold them.

import type { BinaryOp, Binder, Decl, Domain, Expr, Param, Spec, Stmt, TypeExpr } from "./ast.js";
import { LEVEL, operatorLevel } from "./operators.js";

const { TOP, LEADS, IMP, NOT, SET, ADD, NEG, POSTFIX, PRIMARY } = LEVEL;

/** The level of a binary operator and the levels its operands need, from the parser's own table:
 * an operand on the side the operator groups toward may sit at the same level. */
function binaryLevels(op: BinaryOp): { level: number; left: number; right: number } {
  const { level, assoc } = operatorLevel(op);
  return { level, left: assoc === "left" ? level : level + 1, right: assoc === "right" ? level : level + 1 };
}

function level(e: Expr): number {
  switch (e.kind) {
    case "binary":
      return binaryLevels(e.op).level;
    case "unary":
      return e.op === "not" ? NOT : NEG;
    case "leadsto":
      return LEADS;
    case "temporal":
      // Like `not`, but its operand extends over every operator but `~>`.
      return IMP;
    case "index":
    case "field":
      return POSTFIX;
    case "ite":
    case "let":
      // `if c then a else b` and `let x = v in b` are primaries whose last part extends as far
      // right as it can: they are safe unparenthesised only where nothing can follow them.
      return TOP;
    default:
      return PRIMARY;
  }
}

function opText(op: BinaryOp): string {
  return op === "notin" ? "not in" : op;
}

function list<T>(items: readonly T[], f: (x: T) => string): string {
  return items.map(f).join(", ");
}

/** An expression, parenthesised if it binds more loosely than `min`. */
export function printExpr(e: Expr, min: number = TOP): string {
  const text = exprText(e);
  return level(e) < min ? `(${text})` : text;
}

const LOGIC = new Set<BinaryOp>(["and", "or", "implies", "iff"]);

/** An operand of `op`. Mixed logical operators get parentheses even where precedence does not
 * need them, for the reader: `(a and b) or c`, `a implies (b or c)`. */
function operand(op: BinaryOp, e: Expr, min: number): string {
  const mixed = LOGIC.has(op) && e.kind === "binary" && LOGIC.has(e.op) && e.op !== op && !(op === "and" && e.op === "or");
  return mixed ? `(${exprText(e)})` : printExpr(e, min);
}

function exprText(e: Expr): string {
  switch (e.kind) {
    case "num":
      return e.decimal ?? String(e.value);
    case "bool":
      return e.value ? "true" : "false";
    case "name":
      return e.name;
    case "action":
      return "action";
    case "unary":
      // `-(-x)` rather than `--x`, which reads like a decrement.
      return e.op === "not" ? `not ${printExpr(e.operand, NOT)}` : `-${printExpr(e.operand, POSTFIX)}`;
    case "binary": {
      const l = binaryLevels(e.op);
      return `${operand(e.op, e.left, l.left)} ${opText(e.op)} ${operand(e.op, e.right, l.right)}`;
    }
    case "ite":
      return `if ${printExpr(e.cond)} then ${printExpr(e.then)} else ${printExpr(e.else)}`;
    case "let":
      return `let ${e.name.text} = ${letValue(e.value)} in ${printExpr(e.body)}`;
    case "index":
      return `${printExpr(e.target, POSTFIX)}[${printExpr(e.index)}]`;
    case "field":
      return `${printExpr(e.target, POSTFIX)}.${e.field.text}`;
    case "call":
      return `${e.callee.text}(${list(e.args, (a) => printExpr(a))})`;
    case "aggregate": {
      const binders = list(e.binders, printBinder);
      const where = e.where ? ` where ${printExpr(e.where)}` : "";
      return e.body === null ? `${e.op}(${binders}${where})` : `${e.op}(${binders}${where}: ${printExpr(e.body)})`;
    }
    case "setLit":
      return `{${list(e.elems, (x) => printExpr(x))}}`;
    case "seqLit":
      return `[${list(e.elems, (x) => printExpr(x))}]`;
    case "recordLit":
      return `{${list(e.fields, (f) => `${f.name.text}: ${printExpr(f.value)}`)}}`;
    case "tupleLit":
      return `(${list(e.elems, (x) => printExpr(x))})`;
    case "temporal":
      return `${e.op} ${printExpr(e.operand, IMP)}`;
    case "leadsto":
      return `${printExpr(e.left, IMP)} ~> ${printExpr(e.right, LEADS)}`;
  }
}

/** The value of `let x = v in b`: an `in` (or a `let` or `if`, which would take the rest) at its top
 * needs parentheses, or `in` would end the value. */
function letValue(e: Expr): string {
  const text = printExpr(e);
  return /^(let|if)\b/.test(text) || containsTopIn(e) ? `(${exprText(e)})` : text;
}

/** Whether printing `e` leaves an `in` operator outside every bracket. */
function containsTopIn(e: Expr): boolean {
  if (e.kind !== "binary") return false;
  if (e.op === "in") return true;
  const l = binaryLevels(e.op);
  const side = (x: Expr, min: number) => level(x) >= min && containsTopIn(x);
  return side(e.left, l.left) || side(e.right, l.right);
}

function printDomain(d: Domain): string {
  switch (d.kind) {
    case "range":
      return `${printExpr(d.lo, ADD)} .. ${printExpr(d.hi, ADD)}`;
    case "bool":
      return "bool";
    case "expr":
      return printExpr(d.expr, SET);
  }
}

function printBinder(b: Binder): string {
  const pattern = b.parts ? `(${list(b.parts, (p) => p.text)})` : b.name.text;
  return `${pattern} in ${printDomain(b.domain)}`;
}

export function printType(t: TypeExpr): string {
  switch (t.kind) {
    case "bool":
      return "bool";
    case "enum":
      return `enum { ${list(t.members, (m) => m.text)} }`;
    case "set":
      return `set<${printType(t.elem)}>`;
    case "map":
      return `map<${printType(t.key)}, ${printType(t.value)}>`;
    case "seq":
      return `seq<${printType(t.elem)}, ${printExpr(t.capacity, ADD)}>`;
    case "record":
      return `{ ${list(t.fields, (f) => `${f.name.text}: ${printType(f.type)}`)} }`;
    case "range":
      // A bound that starts with a record literal (`{a: 1}.a`, `{a: 1}[k] + 1`) would be read as a
      // record type.
      return `${startsWithRecord(t.lo) ? `(${printExpr(t.lo)})` : printExpr(t.lo, ADD)} .. ${printExpr(t.hi, ADD)}${t.step ? ` step ${printExpr(t.step, ADD)}` : ""}`;
    case "tuple":
      return `(${list(t.elems, printType)})`;
    case "option":
      return `option<${printType(t.elem)}>`;
    case "named":
      return t.name.text;
  }
}

/** Whether the printed expression's first token is a record literal's `{`. */
function startsWithRecord(e: Expr): boolean {
  switch (e.kind) {
    case "recordLit":
      return true;
    case "index":
    case "field":
      return startsWithRecord(e.target);
    case "binary":
      return level(e) >= ADD && startsWithRecord(e.left);
    default:
      return false;
  }
}

function printParam(p: Param): string {
  return `${p.name.text}: ${printType(p.type)}`;
}

function block(stmts: readonly Stmt[], indent: string): string {
  if (stmts.length === 0) return "{}";
  const inner = indent + "  ";
  return `{\n${stmts.map((s) => inner + printStmt(s, inner)).join("\n")}\n${indent}}`;
}

/** One statement; nested blocks are indented relative to `indent`, the statement's own. */
export function printStmt(s: Stmt, indent = ""): string {
  switch (s.kind) {
    case "require":
      return `require ${printExpr(s.cond)}`;
    case "let":
      return `let ${s.name.text} = ${printExpr(s.value)}`;
    case "if": {
      let text = `if ${printExpr(s.cond)} ${block(s.then, indent)}`;
      if (s.else !== null) {
        // The tree cannot tell `else { if ... }` from `else if ...`: print the shorter.
        const only = s.else.length === 1 ? s.else[0] : undefined;
        text += only?.kind === "if" ? ` else ${printStmt(only, indent)}` : ` else ${block(s.else, indent)}`;
      }
      return text;
    }
    case "pick": {
      const where = s.where ? ` where ${printExpr(s.where)}` : "";
      return `pick ${s.name.text} in ${printDomain(s.domain)}${where}`;
    }
    case "assign":
      return `${printExpr(s.target, POSTFIX)} ${s.op} ${printExpr(s.value)}`;
    case "for":
      return `for ${s.name.text} in ${printDomain(s.domain)} ${block(s.body, indent)}`;
    case "call":
      return `${s.callee.text}(${list(s.args, (a) => printExpr(a))})`;
  }
}

export function printDecl(d: Decl): string {
  switch (d.kind) {
    case "const":
      return `const ${d.name.text} = ${printExpr(d.value)}`;
    case "type":
      return `${d.symmetric ? "symmetric " : ""}type ${d.name.text} = ${printType(d.type)}`;
    case "var":
      return `${d.ghost ? "ghost " : ""}var ${d.name.text}: ${printType(d.type)} = ${printExpr(d.init)}`;
    case "action": {
      const by = d.by ? ` by ${printParam(d.by)}` : "";
      const fair = d.fairness ? (d.fairness.kind === "strong" ? "strong fair " : "fair ") : "";
      return `${fair}action ${d.name.text}(${list(d.params, printParam)})${by} ${block(d.body, "")}`;
    }
    case "def": {
      const ret = d.returnType ? `: ${printType(d.returnType)}` : "";
      return `def ${d.name.text}(${list(d.params, printParam)})${ret} = ${printExpr(d.body)}`;
    }
    case "proc":
      return `proc ${d.name.text}(${list(d.params, printParam)}) ${block(d.body, "")}`;
    case "invariant":
      return `invariant ${d.name.text}: ${printExpr(d.expr)}`;
    case "step":
      return `step ${d.name.text}: ${printExpr(d.expr)}`;
    case "liveness":
      return `liveness ${d.name.text}: ${printExpr(d.expr)}`;
  }
}

/** Declarations of one of these kinds sit on consecutive lines when they follow each other. */
const GROUPED = new Set<Decl["kind"]>(["const", "type", "var", "invariant", "step", "liveness"]);

/** The canonical text of a spec, ending with a newline. */
export function printSpec(ast: Spec): string {
  const out = [`spec ${ast.name.text}`];
  let prev: Decl["kind"] | "spec" = "spec";
  for (const d of ast.decls) {
    if (!(d.kind === prev && GROUPED.has(d.kind))) out.push("");
    out.push(printDecl(d));
    prev = d.kind;
  }
  return out.join("\n") + "\n";
}
