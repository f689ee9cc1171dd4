// The syntax tree of a .stake file. Every node, name and parameter carries its source span
// (character offsets into the file's text); `SourceFile` turns spans into line:col.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Name {
  readonly text: string;
  readonly span: Span;
}

export interface Spec {
  readonly kind: "spec";
  readonly name: Name;
  readonly decls: readonly Decl[];
  readonly span: Span;
}

export type Decl = ConstDecl | TypeDecl | VarDecl | ActionDecl | DefDecl | ProcDecl | InvariantDecl | StepDecl | LivenessDecl;

export interface ConstDecl {
  readonly kind: "const";
  readonly name: Name;
  readonly value: Expr;
  readonly span: Span;
}

export interface TypeDecl {
  readonly kind: "type";
  readonly name: Name;
  readonly type: TypeExpr;
  readonly symmetric: boolean;
  readonly span: Span;
}

export interface VarDecl {
  readonly kind: "var";
  readonly name: Name;
  readonly type: TypeExpr;
  readonly init: Expr;
  readonly ghost: boolean;
  readonly span: Span;
}

export interface Param {
  readonly name: Name;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface ActionDecl {
  readonly kind: "action";
  readonly name: Name;
  readonly params: readonly Param[];
  /** The acting principal, `by caller: Account`. */
  readonly by: Param | null;
  readonly body: readonly Stmt[];
  readonly span: Span;
  /** `fair action` (weak) or `strong fair action`; absent when the action is not fair. */
  readonly fairness?: Fairness;
}

/** Fairness of an action (docs/liveness.md): the span covers `fair` or `strong fair`. */
export interface Fairness {
  readonly kind: "weak" | "strong";
  readonly span: Span;
}

export interface DefDecl {
  readonly kind: "def";
  readonly name: Name;
  readonly params: readonly Param[];
  readonly returnType: TypeExpr | null;
  readonly body: Expr;
  readonly span: Span;
}

/** `proc name(params) { ... }`: statements shared by actions, called as a statement `name(args)`. */
export interface ProcDecl {
  readonly kind: "proc";
  readonly name: Name;
  readonly params: readonly Param[];
  readonly body: readonly Stmt[];
  readonly span: Span;
}

export interface InvariantDecl {
  readonly kind: "invariant";
  readonly name: Name;
  readonly expr: Expr;
  readonly span: Span;
}

export interface StepDecl {
  readonly kind: "step";
  readonly name: Name;
  readonly expr: Expr;
  readonly span: Span;
}

/** `liveness NAME: P ~> Q`, `eventually Q`, `always eventually Q`, `eventually always Q`, possibly
 * under `all(x in T: ...)`; the checker reads the expression's shape. */
export interface LivenessDecl {
  readonly kind: "liveness";
  readonly name: Name;
  readonly expr: Expr;
  readonly span: Span;
}

// ---- types ----

export type TypeExpr =
  | { readonly kind: "bool"; readonly span: Span }
  | { readonly kind: "enum"; readonly members: readonly Name[]; readonly span: Span }
  | { readonly kind: "set"; readonly elem: TypeExpr; readonly span: Span }
  | { readonly kind: "map"; readonly key: TypeExpr; readonly value: TypeExpr; readonly span: Span }
  | { readonly kind: "seq"; readonly elem: TypeExpr; readonly capacity: Expr; readonly span: Span }
  | { readonly kind: "record"; readonly fields: readonly Field[]; readonly span: Span }
  | { readonly kind: "range"; readonly lo: Expr; readonly hi: Expr; readonly span: Span; readonly step?: Expr }
  | { readonly kind: "tuple"; readonly elems: readonly TypeExpr[]; readonly span: Span }
  | { readonly kind: "option"; readonly elem: TypeExpr; readonly span: Span }
  | { readonly kind: "named"; readonly name: Name; readonly span: Span };

export interface Field {
  readonly name: Name;
  readonly type: TypeExpr;
  readonly span: Span;
}

// ---- statements ----

export type AssignOp = "=" | "+=" | "-=";

export type Stmt =
  | { readonly kind: "require"; readonly cond: Expr; readonly span: Span }
  | { readonly kind: "let"; readonly name: Name; readonly value: Expr; readonly span: Span }
  | {
      readonly kind: "if";
      readonly cond: Expr;
      readonly then: readonly Stmt[];
      /** `else if` is an `else` holding a single `if`. */
      readonly else: readonly Stmt[] | null;
      readonly span: Span;
    }
  | {
      readonly kind: "pick";
      readonly name: Name;
      readonly domain: Domain;
      readonly where: Expr | null;
      readonly span: Span;
    }
  /** `for x in D { ... }`: the body once per value of D, in order. */
  | { readonly kind: "for"; readonly name: Name; readonly domain: Domain; readonly body: readonly Stmt[]; readonly span: Span }
  /** `checkpoint(a)`: a call of a proc. */
  | { readonly kind: "call"; readonly callee: Name; readonly args: readonly Expr[]; readonly span: Span }
  | {
      readonly kind: "assign";
      /** A name, possibly followed by `[index]` and `.field` steps. */
      readonly target: Expr;
      readonly op: AssignOp;
      readonly value: Expr;
      readonly span: Span;
    };

// ---- expressions ----

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%" | "**"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "and" | "or" | "implies" | "iff"
  | "in" | "notin" | "subset"
  | "union" | "intersect" | "minus";

export type AggregateOp = "all" | "any" | "sum" | "min" | "max" | "map" | "count" | "set" | "filter";

export type Expr =
  /** A number; `decimal` holds a decimal literal's digits (`2.25`), whose value is exact. */
  | { readonly kind: "num"; readonly value: number; readonly span: Span; readonly decimal?: string }
  | { readonly kind: "bool"; readonly value: boolean; readonly span: Span }
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | { readonly kind: "action"; readonly span: Span }
  | { readonly kind: "unary"; readonly op: "-" | "not"; readonly operand: Expr; readonly span: Span }
  | {
      readonly kind: "binary";
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      /** The operator token, for diagnostics that point at it. */
      readonly opSpan: Span;
      readonly span: Span;
    }
  | { readonly kind: "ite"; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  /** `let name = value in body`. */
  | { readonly kind: "let"; readonly name: Name; readonly value: Expr; readonly body: Expr; readonly span: Span }
  | { readonly kind: "index"; readonly target: Expr; readonly index: Expr; readonly span: Span }
  | { readonly kind: "field"; readonly target: Expr; readonly field: Name; readonly span: Span }
  | { readonly kind: "call"; readonly callee: Name; readonly args: readonly Expr[]; readonly span: Span }
  | {
      readonly kind: "aggregate";
      readonly op: AggregateOp;
      readonly binders: readonly Binder[];
      readonly where: Expr | null;
      /** Null for `count(x in D where c)`, `set(x in D where c)` and `filter(x in q where c)`. */
      readonly body: Expr | null;
      readonly span: Span;
    }
  | { readonly kind: "setLit"; readonly elems: readonly Expr[]; readonly span: Span }
  | { readonly kind: "seqLit"; readonly elems: readonly Expr[]; readonly span: Span }
  | { readonly kind: "recordLit"; readonly fields: readonly FieldInit[]; readonly span: Span }
  | { readonly kind: "tupleLit"; readonly elems: readonly Expr[]; readonly span: Span }
  /** `eventually e`, `always e`: allowed only at the top of a liveness property. */
  | { readonly kind: "temporal"; readonly op: TemporalOp; readonly operand: Expr; readonly opSpan: Span; readonly span: Span }
  /** `p ~> q` (leads-to): allowed only at the top of a liveness property. */
  | { readonly kind: "leadsto"; readonly left: Expr; readonly right: Expr; readonly opSpan: Span; readonly span: Span };

export type TemporalOp = "eventually" | "always";

export interface FieldInit {
  readonly name: Name;
  readonly value: Expr;
  readonly span: Span;
}

export interface Binder {
  /** For a destructuring binder `(s, t) in D`, the whole pattern's text and span. */
  readonly name: Name;
  /** The names of a destructuring binder, one per tuple field. */
  readonly parts?: readonly Name[];
  readonly domain: Domain;
  readonly span: Span;
}

/** What a binder or `pick` ranges over: `lo .. hi`, `bool`, or an expression that names a type or
 * denotes a set or a queue (the checker decides which). */
export type Domain =
  | { readonly kind: "range"; readonly lo: Expr; readonly hi: Expr; readonly span: Span }
  | { readonly kind: "bool"; readonly span: Span }
  | { readonly kind: "expr"; readonly expr: Expr; readonly span: Span };
