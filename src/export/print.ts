// Prints TLA+ terms. Inline, an operand gets parentheses unless it binds tighter than its operator
// by TLA+'s precedence ranges (or is self-delimiting: brackets, braces, applications). In block
// layout, conjunctions and disjunctions become bulleted lists, with every continuation line to the
// right of its bullet, which is what TLA+'s layout rule for junction lists needs.

import { assertNever } from "../util/assert-never.js";
import { ExportError } from "./context.js";
import type { BinOp, PathEl, T } from "./tla.js";

/** TLA+'s precedence range of each infix operator (Specifying Systems, table 6). */
const PREC: Readonly<Record<BinOp, readonly [number, number]>> = {
  "=>": [1, 1],
  "<=>": [2, 2],
  "=": [5, 5],
  "#": [5, 5],
  "<": [5, 5],
  ">": [5, 5],
  "<=": [5, 5],
  ">=": [5, 5],
  "\\in": [5, 5],
  "\\notin": [5, 5],
  "\\subseteq": [5, 5],
  "\\cup": [8, 8],
  "\\cap": [8, 8],
  "\\": [8, 8],
  "..": [9, 9],
  "+": [10, 10],
  "-": [10, 10],
  "%": [10, 11],
  "*": [13, 13],
  "\\div": [13, 13],
  "\\o": [13, 13],
};

const ASSOCIATIVE = new Set<BinOp>(["+", "*", "\\cup", "\\cap", "\\o"]);

/** Lines wider than this are laid out as blocks where a block layout exists. */
const WIDTH = 100;

type Prec = readonly [number, number] | "atom";

function prec(t: T): Prec {
  switch (t.k) {
    case "id":
    case "str":
    case "bool":
    case "app":
    case "setEnum":
    case "setOf":
    case "setMap":
    case "fn":
    case "fnSet":
    case "index":
    case "except":
    case "rec":
    case "recSet":
    case "dot":
    case "tuple":
    case "sub":
      return "atom";
    case "num":
      return t.v < 0 ? [12, 12] : "atom";
    case "bin":
      return PREC[t.op];
    case "neg":
      return [12, 12];
    case "prime":
      return prec(t.e) === "atom" ? "atom" : [15, 15];
    case "not":
      return [4, 4];
    case "junc":
      return [3, 3];
    case "prefix":
      return t.op === "SUBSET" || t.op === "UNION" ? [8, 8] : [4, 4];
    case "leadsto":
      return [2, 2];
    case "ite":
    case "let":
    case "quant":
    case "choose":
    case "lambda":
      return [0, 0];
    default:
      return assertNever(t);
  }
}

/** `child` printed as an operand of an operator with precedence `parent`. */
function operand(child: T, parent: readonly [number, number], sameOp = false): string {
  const text = inline(child);
  const p = prec(child);
  if (p === "atom" || sameOp || p[0] > parent[1]) return text;
  return `(${text})`;
}

/** A term whose own text must be parenthesised when something follows it (`f[x]`, `r.f`, `x'`). */
function tight(t: T): string {
  return prec(t) === "atom" ? inline(t) : `(${inline(t)})`;
}

function path(p: readonly PathEl[]): string {
  return p.map((s) => (s.k === "at" ? `[${inline(s.e)}]` : `.${s.field}`)).join("");
}

function binds(bs: readonly { name: string; set: T }[]): string {
  return bs.map((b) => `${b.name} \\in ${operand(b.set, [5, 5])}`).join(", ");
}

/**
 * A TLA+ string literal of `v`: TLA+'s escapes for `"`, `\\` and the whitespace controls. TLA+
 * has no escape for other characters, and a stand-in could make two strings equal, so anything
 * else outside printable ASCII is refused. Today every string is a sanitized name; this keeps a
 * future string value from ending the literal or the line.
 */
export function stringLiteral(v: string): string {
  let out = "";
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else throw new ExportError(`a string holding U+${c.toString(16).toUpperCase().padStart(4, "0")} cannot be written as a TLA+ string`);
  }
  return `"${out}"`;
}

/** `t` on one line. */
export function inline(t: T): string {
  switch (t.k) {
    case "id":
      return t.name;
    case "num":
      return String(t.v);
    case "str":
      return stringLiteral(t.v);
    case "bool":
      return t.v ? "TRUE" : "FALSE";
    case "app":
      return `${t.op}(${t.args.map(inline).join(", ")})`;
    case "bin": {
      const p = PREC[t.op];
      const sameL = ASSOCIATIVE.has(t.op) && t.l.k === "bin" && t.l.op === t.op;
      return `${operand(t.l, p, sameL)} ${t.op} ${operand(t.r, p)}`;
    }
    case "neg":
      return `-${tight(t.e)}`;
    case "not":
      return `~${tight(t.e)}`;
    case "prime":
      return `${tight(t.e)}'`;
    case "junc":
      return t.items.map((i) => operand(i, [3, 3], i.k === "junc" && i.op === t.op)).join(` ${t.op} `);
    case "ite":
      return `IF ${inline(t.c)} THEN ${inline(t.t)} ELSE ${inline(t.e)}`;
    case "let":
      return `LET ${t.defs.map((d) => `${d.name}${d.params ? `(${d.params.join(", ")})` : ""} == ${inline(d.body)}`).join(" ")} IN ${inline(t.body)}`;
    case "quant":
      return `${t.q} ${binds(t.binds)} : ${inline(t.body)}`;
    case "choose":
      return `CHOOSE ${t.name} \\in ${operand(t.set, [5, 5])} : ${inline(t.body)}`;
    case "setEnum":
      return `{${t.items.map(inline).join(", ")}}`;
    case "setOf":
      return `{${t.name} \\in ${operand(t.set, [5, 5])} : ${inline(t.pred)}}`;
    case "setMap":
      return `{${inline(t.e)} : ${t.name} \\in ${operand(t.set, [5, 5])}}`;
    case "fn":
      return `[${t.name} \\in ${operand(t.set, [5, 5])} |-> ${inline(t.body)}]`;
    case "fnSet":
      return `[${inline(t.dom)} -> ${inline(t.rng)}]`;
    case "index":
      return `${tight(t.f)}[${inline(t.arg)}]`;
    case "except":
      return `[${inline(t.f)} EXCEPT !${path(t.path)} = ${inline(t.value)}]`;
    case "rec":
      return `[${t.fields.map(([f, e]) => `${f} |-> ${inline(e)}`).join(", ")}]`;
    case "recSet":
      return `[${t.fields.map(([f, e]) => `${f} : ${inline(e)}`).join(", ")}]`;
    case "dot":
      return `${tight(t.e)}.${t.field}`;
    case "tuple":
      return `<<${t.items.map(inline).join(", ")}>>`;
    case "lambda":
      return `LAMBDA ${t.params.join(", ")} : ${inline(t.body)}`;
    case "prefix":
      return t.op === "[]" || t.op === "<>" ? `${t.op}${tight(t.e)}` : `${t.op} ${tight(t.e)}`;
    case "sub":
      return t.op === "[]" ? `[][${inline(t.a)}]_${tight(t.v)}` : `${t.op}_${tight(t.v)}(${inline(t.a)})`;
    case "leadsto":
      return `${operand(t.l, [2, 2])} ~> ${operand(t.r, [2, 2])}`;
    default:
      return assertNever(t);
  }
}

const pad = (n: number) => " ".repeat(n);

/**
 * `t` laid out from column `col`: the first line goes where the caller is (at `col`), the others
 * carry their own indentation. Every line after the first starts right of `col` or at it, never left.
 */
export function block(t: T, col: number): string[] {
  const flat = inline(t);
  switch (t.k) {
    case "junc": {
      if (t.items.length < 2 && !t.notes) break;
      if (!t.notes && col + flat.length <= WIDTH && !flat.includes("\\A") && !flat.includes("\\E") && t.items.length <= 2) break;
      const out: string[] = [];
      t.items.forEach((item, i) => {
        const lines = block(item, col + 3);
        const note = t.notes?.[i];
        lines[0] = `${t.op} ${lines[0]}${note ? `  \\* ${note}` : ""}`;
        if (i > 0) lines[0] = pad(col) + lines[0];
        out.push(...lines);
      });
      return out;
    }
    case "ite": {
      if (col + flat.length <= WIDTH) break;
      const out: string[] = [];
      const arm = (head: string, body: T) => {
        const text = inline(body);
        if (col + head.length + 1 + text.length <= WIDTH) out.push(`${out.length ? pad(col) : ""}${head} ${text}`);
        else out.push(`${out.length ? pad(col) : ""}${head}`, ...indent(block(body, col + 2), col + 2));
      };
      arm(`IF ${inline(t.c)} THEN`, t.t);
      let e: T = t.e;
      while (e.k === "ite") {
        arm(`ELSE IF ${inline(e.c)} THEN`, e.t);
        e = e.e;
      }
      arm("ELSE", e);
      return out;
    }
    case "let": {
      const out: string[] = [];
      t.defs.forEach((d, i) => {
        const head = `${d.name}${d.params ? `(${d.params.join(", ")})` : ""} ==`;
        const body = block(d.body, col + 8);
        const first = i === 0 ? `LET ${head}` : `${pad(col + 4)}${head}`;
        if (body.length === 1 && col + 4 + head.length + 1 + body[0].length <= WIDTH) out.push(`${first} ${body[0]}`);
        else out.push(first, ...indent(body, col + 8));
      });
      const body = block(t.body, col + 4);
      out.push(`${pad(col)}IN  ${body[0]}`, ...body.slice(1));
      return out;
    }
    case "quant": {
      if (col + flat.length <= WIDTH) break;
      const head = `${t.q} ${binds(t.binds)} :`;
      return [head, ...indent(block(t.body, col + 2), col + 2)];
    }
    case "bin": {
      if (t.op !== "=>" || col + flat.length <= WIDTH) break;
      const head = `${operand(t.l, [1, 1])} =>`;
      const r = prec(t.r);
      const body = block(t.r, col + 2);
      if (r !== "atom" && t.r.k !== "junc" && r[0] <= 1) {
        body[0] = `(${body[0]}`;
        body[body.length - 1] += ")";
      }
      return [head, ...indent(body, col + 2)];
    }
    case "prefix": {
      if (t.op !== "ENABLED" || col + flat.length <= WIDTH) break;
      const body = block(t.e, col + 3);
      body[0] = `ENABLED (${body[0]}`;
      body[body.length - 1] += ")";
      return body.map((l, i) => (i === 0 ? l : ` ${l}`));
    }
    case "fn": {
      if (col + flat.length <= WIDTH) break;
      const head = `[${t.name} \\in ${operand(t.set, [5, 5])} |->`;
      const body = block(t.body, col + 2);
      body[body.length - 1] += "]";
      return [head, ...indent(body, col + 2)];
    }
    default:
      break;
  }
  return [flat];
}

/** Puts the first line of a block at column `col` (the rest already carry their indentation). */
function indent(lines: string[], col: number): string[] {
  return lines.map((l, i) => (i === 0 ? pad(col) + l : l));
}

/** An operator definition: `Name(p, q) ==` and its body, laid out from column 2. */
export function definition(name: string, params: readonly string[], body: T): string {
  const head = `${name}${params.length ? `(${params.join(", ")})` : ""} ==`;
  const flat = inline(body);
  if (head.length + 1 + flat.length <= WIDTH && body.k !== "let" && !(body.k === "junc" && (body.notes || body.items.length > 2))) return `${head} ${flat}`;
  return [head, ...indent(block(body, 2), 2)].join("\n");
}
