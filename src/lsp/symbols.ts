// Name resolution for the editor: which declaration every name in a spec refers to, and which
// names are visible where. A pass of its own over the syntax tree (the checker resolves names too,
// but to build the IR, and only for a spec it can check): it works on the declarations that parse
// even when others do not, and it keeps every occurrence. It follows the checker's rules: globals
// are visible everywhere (the first declaration of a name wins), locals from their declaration to
// the end of their block, and nothing shadows.

import type * as A from "../lang/ast.js";
import type { Span } from "../lang/ast.js";
import { assertNever } from "../util/assert-never.js";
import { skipSpace } from "./pieces.js";
import { BUILTIN_NAMES } from "./words.js";

export type SymbolKind =
  | "const" | "type" | "enumMember" | "var" | "def" | "proc" | "action" | "invariant" | "step" | "liveness"
  | "param" | "caller" | "let" | "pick" | "binder" | "loop";

export interface Sym {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly nameSpan: Span;
  /** The top-level declaration that declares it. */
  readonly decl: A.Decl;
  /** Where a local can be used; null for a global. */
  readonly scope: Span | null;
  /** Parameters and the caller: their declared type. */
  readonly type?: A.TypeExpr;
  /** `let`: its value; `pick` and binders: their domain. */
  readonly value?: A.Expr;
  readonly domain?: A.Domain;
  /** An enum member: its position in the enum. */
  readonly ordinal?: number;
  /** An action's, def's or proc's parameters (an action's caller first when it has one). */
  readonly params?: Sym[];
  /** A local: the aggregate that binds it (`sum`, `all`, ...). */
  readonly binderOf?: A.AggregateOp;
  /** A name of a destructuring binder `(s, t) in D`: where the binder starts, and which field. */
  readonly part?: { readonly of: number; readonly index: number };
}

export interface Ref {
  readonly span: Span;
  readonly sym: Sym;
  /** The occurrence that declares the symbol. */
  readonly isDecl: boolean;
}

/** Names that refer to no declaration: built-in functions, `old`, a step's `caller`. */
export interface Special {
  readonly span: Span;
  readonly kind: "builtin" | "old" | "caller";
  readonly name: string;
}

export interface SymbolIndex {
  readonly symbols: readonly Sym[];
  /** The visible global of each name (the first declaration of the name). */
  readonly globals: ReadonlyMap<string, Sym>;
  /** Every resolved occurrence, declarations included, in text order. */
  readonly refs: readonly Ref[];
  readonly specials: readonly Special[];
}

type Frame = Map<string, Sym>;

class Resolver {
  readonly symbols: Sym[] = [];
  readonly globals = new Map<string, Sym>();
  readonly refs: Ref[] = [];
  readonly specials: Special[] = [];
  private frames: Frame[] = [];
  /** The declaration being resolved. */
  private current!: A.Decl;
  /** Where in the current declaration `caller` means the step's caller. */
  private inStep = false;

  constructor(private readonly text: string) {}

  private add(sym: Sym): Sym {
    this.symbols.push(sym);
    this.refs.push({ span: sym.nameSpan, sym, isDecl: true });
    return sym;
  }

  private global(sym: Sym): Sym {
    this.add(sym);
    if (!this.globals.has(sym.name)) this.globals.set(sym.name, sym);
    return sym;
  }

  private local(sym: Sym): Sym {
    this.add(sym);
    this.frames[this.frames.length - 1]?.set(sym.name, sym);
    return sym;
  }

  private lookup(name: string): Sym | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const s = this.frames[i].get(name);
      if (s) return s;
    }
    return this.globals.get(name);
  }

  private use(name: A.Name | { text: string; span: Span }): Sym | undefined {
    const s = this.lookup(name.text);
    if (s) this.refs.push({ span: name.span, sym: s, isDecl: false });
    return s;
  }

  declareGlobals(decls: readonly A.Decl[]): void {
    for (const d of decls) {
      switch (d.kind) {
        case "const":
        case "var":
        case "invariant":
        case "step":
        case "liveness":
          this.global({ kind: d.kind, name: d.name.text, nameSpan: d.name.span, decl: d, scope: null });
          break;
        case "type":
          this.global({ kind: "type", name: d.name.text, nameSpan: d.name.span, decl: d, scope: null });
          if (d.type.kind === "enum") {
            d.type.members.forEach((m, i) => this.global({ kind: "enumMember", name: m.text, nameSpan: m.span, decl: d, scope: null, ordinal: i }));
          }
          break;
        case "action":
        case "def":
        case "proc": {
          const scope = { start: d.name.span.end, end: d.span.end };
          const params = [
            ...(d.kind === "action" && d.by ? [{ kind: "caller" as const, p: d.by }] : []),
            ...d.params.map((p) => ({ kind: "param" as const, p })),
          ].map(({ kind, p }) => ({ kind, name: p.name.text, nameSpan: p.name.span, decl: d, scope, type: p.type }) satisfies Sym);
          this.global({ kind: d.kind, name: d.name.text, nameSpan: d.name.span, decl: d, scope: null, params });
          break;
        }
        default:
          assertNever(d, "declaration");
      }
    }
  }

  /** Resolves the names used in one declaration. */
  resolve(d: A.Decl, own: Sym | undefined): void {
    this.current = d;
    this.frames = [new Map()];
    this.inStep = false;
    switch (d.kind) {
      case "const":
        this.expr(d.value);
        break;
      case "type":
        this.type(d.type);
        break;
      case "var":
        this.type(d.type);
        this.expr(d.init);
        break;
      case "action":
      case "def":
      case "proc":
        for (const p of own?.params ?? []) {
          this.type(p.type!);
          this.local(p);
        }
        if (d.kind === "def") {
          if (d.returnType) this.type(d.returnType);
          this.expr(d.body);
        } else {
          this.block(d.body, d.span.end - 1);
        }
        break;
      case "invariant":
        this.expr(d.expr);
        break;
      case "step":
        this.inStep = true;
        this.expr(d.expr);
        break;
      case "liveness":
        this.expr(d.expr);
        break;
      default:
        assertNever(d, "declaration");
    }
  }

  /** Statements of a block whose `}` is at `close`: a `let` or `pick` is visible up to there. */
  private block(stmts: readonly A.Stmt[], close: number): void {
    this.frames.push(new Map());
    for (const s of stmts) this.stmt(s, close);
    this.frames.pop();
  }

  private stmt(s: A.Stmt, close: number): void {
    switch (s.kind) {
      case "require":
        this.expr(s.cond);
        break;
      case "let":
        this.expr(s.value);
        this.local({ kind: "let", name: s.name.text, nameSpan: s.name.span, decl: this.current, scope: { start: s.span.end, end: close }, value: s.value });
        break;
      case "pick":
        this.domain(s.domain);
        this.local({ kind: "pick", name: s.name.text, nameSpan: s.name.span, decl: this.current, scope: { start: s.name.span.end, end: close }, domain: s.domain });
        if (s.where) this.expr(s.where);
        break;
      case "if": {
        this.expr(s.cond);
        const thenClose = this.closeBrace(s.then, s.cond.span.end);
        this.block(s.then, thenClose);
        if (s.else) {
          // `else if` holds the `if` itself; `else { ... }` a block with its own brace.
          const afterElse = skipSpace(this.text, skipSpace(this.text, thenClose + 1) + "else".length);
          const braced = this.text[afterElse] === "{";
          this.block(s.else, braced ? this.closeBrace(s.else, afterElse - 1) : s.span.end);
        }
        break;
      }
      case "assign":
        this.expr(s.target);
        this.expr(s.value);
        break;
      case "for": {
        this.domain(s.domain);
        // The loop's name is visible in its body, which ends at the `for`'s closing brace.
        const close = s.span.end - 1;
        this.frames.push(new Map());
        this.local({ kind: "loop", name: s.name.text, nameSpan: s.name.span, decl: this.current, scope: { start: s.name.span.end, end: close }, domain: s.domain });
        this.block(s.body, close);
        this.frames.pop();
        break;
      }
      case "call":
        this.use(s.callee);
        for (const a of s.args) this.expr(a);
        break;
      default:
        assertNever(s, "statement");
    }
  }

  /** The `}` of a block: after its last statement, or after its `{` (which follows `after`). */
  private closeBrace(stmts: readonly A.Stmt[], after: number): number {
    const from = stmts.length > 0 ? stmts[stmts.length - 1].span.end : skipSpace(this.text, after) + 1;
    return skipSpace(this.text, from);
  }

  private type(t: A.TypeExpr): void {
    switch (t.kind) {
      case "bool":
      case "enum":
        break;
      case "set":
        this.type(t.elem);
        break;
      case "map":
        this.type(t.key);
        this.type(t.value);
        break;
      case "seq":
        this.type(t.elem);
        this.expr(t.capacity);
        break;
      case "record":
        for (const f of t.fields) this.type(f.type);
        break;
      case "tuple":
        for (const x of t.elems) this.type(x);
        break;
      case "option":
        this.type(t.elem);
        break;
      case "range":
        this.expr(t.lo);
        this.expr(t.hi);
        if (t.step) this.expr(t.step);
        break;
      case "named":
        this.use(t.name);
        break;
      default:
        assertNever(t, "type");
    }
  }

  private domain(d: A.Domain): void {
    switch (d.kind) {
      case "range":
        this.expr(d.lo);
        this.expr(d.hi);
        break;
      case "bool":
        break;
      case "expr":
        this.expr(d.expr);
        break;
      default:
        assertNever(d, "domain");
    }
  }

  private expr(e: A.Expr): void {
    switch (e.kind) {
      case "num":
      case "bool":
      case "action":
        break;
      case "name": {
        const s = this.use({ text: e.name, span: e.span });
        if (!s && e.name === "caller" && this.inStep) this.specials.push({ span: e.span, kind: "caller", name: e.name });
        break;
      }
      case "unary":
        this.expr(e.operand);
        break;
      case "binary":
        this.expr(e.left);
        this.expr(e.right);
        break;
      case "ite":
        this.expr(e.cond);
        this.expr(e.then);
        this.expr(e.else);
        break;
      case "index":
        this.expr(e.target);
        this.expr(e.index);
        break;
      case "field": {
        this.expr(e.target);
        // `withdraw.a` in a step property: parameter `a` of action `withdraw`.
        if (e.target.kind === "name") {
          const target = this.lookup(e.target.name);
          const param = target?.kind === "action" ? target.params?.find((p) => p.kind === "param" && p.name === e.field.text) : undefined;
          if (param) this.refs.push({ span: e.field.span, sym: param, isDecl: false });
        }
        break;
      }
      case "call": {
        const callee = e.callee.text;
        if (callee === "old") this.specials.push({ span: e.callee.span, kind: "old", name: callee });
        else if (!this.globals.has(callee) && BUILTIN_NAMES.has(callee)) this.specials.push({ span: e.callee.span, kind: "builtin", name: callee });
        else this.use(e.callee);
        for (const a of e.args) this.expr(a);
        break;
      }
      case "aggregate": {
        this.frames.push(new Map());
        for (const b of e.binders) {
          this.domain(b.domain);
          // `(s, t) in signed`: each name of the pattern is a binder of its own (its tuple field).
          const names = b.parts ? b.parts.map((n, part) => ({ n, part })) : [{ n: b.name, part: undefined }];
          for (const { n, part } of names) {
            this.local({
              kind: "binder", name: n.text, nameSpan: n.span, decl: this.current, scope: { start: b.name.span.end, end: e.span.end }, domain: b.domain, binderOf: e.op,
              ...(part === undefined ? {} : { part: { of: b.span.start, index: part } }),
            });
          }
        }
        if (e.where) this.expr(e.where);
        if (e.body) this.expr(e.body);
        this.frames.pop();
        break;
      }
      case "setLit":
      case "seqLit":
      case "tupleLit":
        for (const x of e.elems) this.expr(x);
        break;
      case "recordLit":
        for (const f of e.fields) this.expr(f.value);
        break;
      case "temporal":
        this.expr(e.operand);
        break;
      case "let":
        this.expr(e.value);
        this.frames.push(new Map());
        this.local({ kind: "let", name: e.name.text, nameSpan: e.name.span, decl: this.current, scope: { start: e.name.span.end, end: e.span.end }, value: e.value });
        this.expr(e.body);
        this.frames.pop();
        break;
      case "leadsto":
        this.expr(e.left);
        this.expr(e.right);
        break;
      default:
        assertNever(e, "expression");
    }
  }
}

/** Resolves every name of the declarations (those of a spec, or those that parse). */
export function resolveNames(text: string, decls: readonly A.Decl[]): SymbolIndex {
  const r = new Resolver(text);
  r.declareGlobals(decls);
  const own = new Map<A.Decl, Sym>();
  for (const s of r.symbols) if (s.scope === null && s.kind !== "enumMember") own.set(s.decl, s);
  for (const d of decls) r.resolve(d, own.get(d));
  r.refs.sort((a, b) => a.span.start - b.span.start);
  r.specials.sort((a, b) => a.span.start - b.span.start);
  return { symbols: r.symbols, globals: r.globals, refs: r.refs, specials: r.specials };
}
