// The checker's shared state: the global symbol table, diagnostics, failure sites and scopes.

import type * as A from "../lang/ast.js";
import { error, warning, type Diagnostic, type Related } from "../lang/diagnostic.js";
import type { SourceFile } from "../lang/source.js";
import { closest } from "../lang/suggest.js";
import type * as I from "../ir/ir.js";
import { ERR, type EnumTy, type Ty } from "../ir/types.js";

export type Global =
  | { readonly kind: "const"; readonly decl: A.ConstDecl }
  | { readonly kind: "type"; readonly decl: A.TypeDecl }
  | { readonly kind: "enumMember"; readonly span: A.Span; readonly enumName: string; readonly ordinal: number; ty?: EnumTy }
  | { readonly kind: "var"; readonly decl: A.VarDecl; readonly id: number }
  | { readonly kind: "def"; readonly decl: A.DefDecl; readonly id: number }
  | { readonly kind: "proc"; readonly decl: A.ProcDecl; readonly id: number }
  | { readonly kind: "action"; readonly decl: A.ActionDecl; readonly id: number }
  | { readonly kind: "invariant"; readonly decl: A.InvariantDecl }
  | { readonly kind: "step"; readonly decl: A.StepDecl }
  | { readonly kind: "liveness"; readonly decl: A.LivenessDecl };

/** Why `__proto__` cannot name anything: states, counterexample files and generated TypeScript
 * hold names as object keys, and in an object literal this one sets the prototype. */
export const PROTO_RESERVED = "a special property name in JavaScript, where states are objects keyed by name";

export const GLOBAL_KIND_WORD: Record<Global["kind"], string> = {
  const: "a const",
  type: "a type",
  enumMember: "an enum member",
  var: "a variable",
  def: "a def",
  proc: "a proc",
  action: "an action",
  invariant: "an invariant",
  step: "a step property",
  liveness: "a liveness property",
};

/** Where an expression sits, which decides what it may use. */
export type Mode = "const" | "init" | "def" | "action" | "invariant" | "step" | "liveness";

export interface LocalBinding {
  readonly id: number;
  readonly ty: Ty;
  readonly span: A.Span;
  readonly what: "parameter" | "caller" | "let" | "binder" | "pick" | "loop";
  /**
   * A name that stands for an expression: uses of the name are that expression. A `let` whose
   * value is a constant (so uses fold), or a field of a destructured tuple (`(s, t) in signed`).
   */
  readonly value?: I.Expr;
}

/** Lexical scope of one function body (action, def, property, initial value). */
export class Scope {
  private readonly frames: Map<string, LocalBinding>[] = [new Map()];
  private counter = { n: 0 };
  readonly mode: Mode;
  /** Set inside `old(...)`. */
  inOld = false;
  /** The def whose body this is, if any. */
  readonly defId: number | undefined;
  /** The proc whose body this is (checked on its own or inlined into a call), if any. */
  proc: string | undefined;

  constructor(mode: Mode, defId?: number) {
    this.mode = mode;
    this.defId = defId;
  }

  get nLocals(): number {
    return this.counter.n;
  }

  lookup(name: string): LocalBinding | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const b = this.frames[i].get(name);
      if (b) return b;
    }
    return undefined;
  }

  names(): string[] {
    return this.frames.flatMap((f) => [...f.keys()]);
  }

  declare(name: string, ty: Ty, span: A.Span, what: LocalBinding["what"], value?: I.Expr): LocalBinding {
    const b: LocalBinding = { id: this.counter.n++, ty, span, what, ...(value ? { value } : {}) };
    this.frames[this.frames.length - 1].set(name, b);
    return b;
  }

  push(): void {
    this.frames.push(new Map());
  }

  pop(): void {
    this.frames.pop();
  }

  /** A scope that sees none of this one's names but numbers its locals in the same sequence: a
   * proc's body inlined into an action. */
  isolated(proc: string): Scope {
    const s = new Scope(this.mode, this.defId);
    s.counter = this.counter;
    s.proc = proc;
    return s;
  }
}

/** A call of a def, checked once every def's body is known (for `old` and state reads). */
export interface PendingCall {
  readonly def: number;
  readonly span: A.Span;
  readonly mode: Mode;
  readonly fromDef: number | undefined;
}

export class Checker {
  readonly file: SourceFile;
  readonly diags: Diagnostic[] = [];
  readonly globals = new Map<string, Global>();
  readonly sites: I.Site[] = [];
  readonly requires: I.Require[] = [];
  readonly enums: EnumTy[] = [];
  readonly pendingCalls: PendingCall[] = [];
  /** Variables read anywhere (for the unused-variable warning). */
  readonly varsRead = new Set<number>();
  readonly defsCalled = new Set<number>();
  /** Declarations refused (a duplicate or reserved name): nothing else is said about them. */
  readonly rejected = new Set<A.Decl>();
  /** `caller` used with no action declaring one: said once, not at every use. */
  noCallerReported = false;
  /** Per def: reads state directly; uses `old` directly; the first of `action`, `caller` or an
   * action's parameter it uses directly (which make it a step-only def); defs it calls. */
  readonly defFacts: { readsState: boolean; usesOld: boolean; usesStep?: string; calls: Set<number> }[] = [];
  /** Above 0 while a proc's body is inlined into a call: its diagnostics were given when the proc
   * itself was checked. */
  quiet = 0;
  readonly constOverrides: ReadonlyMap<string, number | boolean>;
  /** Named types: resolved lazily, in any order, with cycle detection. */
  readonly typeStates = new Map<string, { state: "resolving" } | { state: "done"; ty: Ty }>();
  readonly symmetric: I.SymmetricType[] = [];

  // Filled by the declaration phases.
  readonly varTypes: Ty[] = [];
  readonly varDecls: A.VarDecl[] = [];
  readonly defDecls: A.DefDecl[] = [];
  readonly defSigs: { params: { name: string; ty: Ty }[]; ret: Ty | null }[] = [];
  readonly defBodies: (I.Def | null)[] = [];
  readonly procDecls: A.ProcDecl[] = [];
  readonly actionDecls: A.ActionDecl[] = [];
  actionEnum: EnumTy = { k: "enum", name: "Action", members: [], id: -1 };
  /** Per action: caller type and parameter names and types (for step properties). */
  readonly actionSigs: { caller: Ty | null; params: { name: string; ty: Ty }[] }[] = [];

  constructor(file: SourceFile, constOverrides: ReadonlyMap<string, number | boolean>) {
    this.file = file;
    this.constOverrides = constOverrides;
  }

  /** Errors dropped while quiet (none, when a proc checks on its own: its inlined copies see the
   * same names and types). */
  suppressed = 0;

  error(span: A.Span, message: string, hint?: string, related?: readonly Related[]): void {
    if (this.quiet === 0) this.diags.push(error(this.file, span, message, hint, related));
    else this.suppressed++;
  }

  warn(span: A.Span, message: string, hint?: string): void {
    if (this.quiet === 0) this.diags.push(warning(this.file, span, message, hint));
  }

  site(kind: I.SiteKind, span: A.Span, ty?: Ty, what?: string): number {
    this.sites.push({ kind, span, ...(ty ? { ty } : {}), ...(what ? { what } : {}) });
    return this.sites.length - 1;
  }

  /** An expression standing in for one whose error was reported. */
  errExpr(span: A.Span): I.Expr {
    return { k: "const", ty: ERR, v: 0, span };
  }

  /** "did you mean" among the names a scope can see. */
  suggest(name: string, scope: Scope | undefined, accept: (g: Global) => boolean): string | undefined {
    const names = [...(scope?.names() ?? [])];
    for (const [n, g] of this.globals) if (accept(g)) names.push(n);
    const guess = closest(name, names);
    return guess ? `did you mean \`${guess}\`?` : undefined;
  }

  lineOf(span: A.Span): number {
    return this.file.position(span.start).line;
  }
}
