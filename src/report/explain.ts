// Why a property is false: walks the property's IR with the reference evaluator and names the
// part that fails — which conjunct, which account, what each side of a comparison was.

import { EvalFailure, domainValues, evaluate, fromCode, type EvalEnv, type StepInfo, type Value } from "../ir/eval.js";
import type * as I from "../ir/ir.js";
import type { Ty } from "../ir/types.js";

export interface ExplainInput {
  readonly spec: I.Spec;
  readonly state: readonly Value[];
  readonly old?: readonly Value[];
  readonly step?: StepInfo;
}

const MAX_LINES = 12;

function isCompound(e: I.Expr): boolean {
  return e.ty.k !== "int" && e.ty.k !== "bool" && e.ty.k !== "enum";
}

/** A value as written in a spec: enum members by name, sets in braces, maps as {k: v}. */
export function showValue(v: Value, ty: Ty): string {
  switch (ty.k) {
    case "bool":
      return String(v);
    case "int":
      return String(v);
    case "enum":
      return ty.members[v as number] ?? String(v);
    case "set": {
      const elem = ty.elem;
      if (elem.k === "any") return "{}";
      return `{${(v as Value[]).map((c) => showValue(elem.k === "bool" ? fromCode(elem, c as number) : c, elem)).join(", ")}}`;
    }
    case "option": {
      const o = v as Value[];
      return o.length === 0 || ty.elem.k === "any" ? "none" : `some(${showValue(o[0], ty.elem)})`;
    }
    case "map": {
      const key = ty.key;
      const keys = domainValues(key);
      return `{${(v as Value[]).map((x, i) => `${showValue(keys[i], key)}: ${showValue(x, ty.val)}`).join(", ")}}`;
    }
    case "rec":
      if (ty.tuple) return `(${ty.fields.map((f, i) => showValue((v as Value[])[i], f.ty)).join(", ")})`;
      return `{ ${ty.fields.map((f, i) => `${f.name}: ${showValue((v as Value[])[i], f.ty)}`).join(", ")} }`;
    case "seq": {
      const elem = ty.elem;
      return `[${(v as Value[]).map((x) => (elem.k === "any" ? "?" : showValue(x, elem))).join(", ")}]`;
    }
    default:
      return String(v);
  }
}

class Explainer {
  readonly lines: string[] = [];
  private readonly env: EvalEnv;

  constructor(private readonly input: ExplainInput) {
    this.env = { defs: input.spec.defs, sites: input.spec.sites, state: input.state, old: input.old, step: input.step };
  }

  private text(e: I.Expr): string {
    const s = this.input.spec.file.slice(e.span).replace(/\s+/g, " ");
    return s.length > 60 ? s.slice(0, 57) + "..." : s;
  }

  private val(e: I.Expr, locals: Value[]): string {
    try {
      const v = evaluate(this.env, e, locals);
      return v === null ? "absent" : showValue(v, e.ty);
    } catch (err) {
      if (err instanceof EvalFailure) return "(fails)";
      throw err;
    }
  }

  /** " (5 < 6)" for a comparison whose sides are not both constants; "" otherwise. */
  private comparedValues(e: I.Expr, locals: Value[]): string {
    if (e.k !== "cmp" && !(e.k === "eq" && !isCompound(e.l))) return "";
    if (e.l.k === "const" && e.r.k === "const") return "";
    const op = e.k === "cmp" ? e.op : e.neg ? "!=" : "==";
    return ` (${this.val(e.l, locals)} ${op} ${this.val(e.r, locals)})`;
  }

  /** The right side of a comparison: its value alone when it is a constant. */
  private operand(e: I.Expr, locals: Value[]): string {
    return e.k === "const" ? this.val(e, locals) : `\`${this.text(e)}\` (${this.val(e, locals)})`;
  }

  private holds(e: I.Expr, locals: Value[]): boolean {
    try {
      return evaluate(this.env, e, locals) === true;
    } catch (err) {
      if (err instanceof EvalFailure) return false;
      throw err;
    }
  }

  private say(indent: number, line: string): void {
    if (this.lines.length < MAX_LINES) this.lines.push("  ".repeat(indent) + line);
  }

  /** Explains why `e` (a boolean) is false. */
  whyFalse(e: I.Expr, locals: Value[], indent: number): void {
    switch (e.k) {
      case "logic":
        switch (e.op) {
          case "and":
            return this.whyFalse(this.holds(e.l, locals) ? e.r : e.l, locals, indent);
          case "or":
            this.say(indent, `neither side of \`or\` holds:`);
            this.whyFalse(e.l, locals, indent + 1);
            this.whyFalse(e.r, locals, indent + 1);
            return;
          case "implies":
            this.say(indent, `\`${this.text(e.l)}\` holds${this.comparedValues(e.l, locals)}, but \`${this.text(e.r)}\` does not:`);
            return this.whyFalse(e.r, locals, indent + 1);
          case "iff":
            this.say(indent, `\`${this.text(e.l)}\` is ${this.val(e.l, locals)} but \`${this.text(e.r)}\` is ${this.val(e.r, locals)}`);
            return;
        }
        return;
      case "not":
        return this.whyTrue(e.e, locals, indent);
      case "eq":
        if (e.neg) this.say(indent, `\`${this.text(e.l)}\` and \`${this.text(e.r)}\` are both ${this.val(e.l, locals)}`);
        else if (e.r.k === "const") this.say(indent, `\`${this.text(e.l)}\` is ${this.val(e.l, locals)}, not ${this.val(e.r, locals)}`);
        else this.say(indent, `\`${this.text(e.l)}\` is ${this.val(e.l, locals)}, but \`${this.text(e.r)}\` is ${this.val(e.r, locals)}`);
        return;
      case "cmp":
        this.say(indent, `\`${this.text(e.l)}\` is ${this.val(e.l, locals)}, not ${e.op} ${this.operand(e.r, locals)}`);
        return;
      case "in":
        this.say(indent, `\`${this.text(e.elem)}\` is ${this.val(e.elem, locals)}, \`${this.text(e.coll)}\` is ${this.val(e.coll, locals)}`);
        return;
      case "agg":
        if (e.op === "all") return this.counterexampleOf(e, locals, indent);
        if (e.op === "any") {
          this.say(indent, `no ${e.binders.map((b) => b.name).join(", ")} satisfies \`${this.text(e.body!)}\``);
          return;
        }
        break;
      case "call": {
        const { body, frame, args } = this.enter(e, locals);
        this.say(indent, `\`${this.text(e)}\` is false${args}:`);
        return this.whyFalse(body, frame, indent + 1);
      }
      case "ite":
        return this.whyFalse(this.branch(e, locals, indent), locals, indent + 1);
      case "let":
        return this.whyFalse(e.body, locals, this.bindLet(e, locals, indent));
      default:
        break;
    }
    this.say(indent, `\`${this.text(e)}\` is false`);
  }

  /** Says which branch an `if ... then ... else` takes, and why; returns that branch. */
  private branch(e: Extract<I.Expr, { k: "ite" }>, locals: Value[], indent: number): I.Expr {
    const taken = this.holds(e.c, locals);
    this.say(indent, `\`${this.text(e.c)}\` is ${taken}${this.comparedValues(e.c, locals)}, so the \`${taken ? "then" : "else"}\` branch applies:`);
    return taken ? e.t : e.e;
  }

  /** Binds a `let ... in`'s name, saying its value when the spec wrote one (a power's products go
   * unsaid); returns the indentation for its body. */
  private bindLet(e: Extract<I.Expr, { k: "let" }>, locals: Value[], indent: number): number {
    const m = /^let\s+([A-Za-z_]\w*)/.exec(this.input.spec.file.slice(e.span));
    try {
      locals[e.local] = evaluate(this.env, e.value, locals);
      if (!m) return indent;
      this.say(indent, `with ${m[1]} = ${showValue(locals[e.local], e.value.ty)}:`);
    } catch (err) {
      if (!(err instanceof EvalFailure)) throw err;
      if (!m) return indent;
      this.say(indent, `with \`${m[1]}\` failing to compute:`);
    }
    return indent + 1;
  }

  /** A def call's body, with its parameters bound as the call binds them, and " (a = 1)". */
  private enter(e: Extract<I.Expr, { k: "call" }>, locals: Value[]): { body: I.Expr; frame: Value[]; args: string } {
    const def = this.input.spec.defs[e.def];
    const frame: Value[] = new Array(def.nLocals);
    const shown = e.args.map((a, i) => {
      frame[def.params[i].local] = evaluate(this.env, a, locals);
      return `${def.params[i].name} = ${showValue(frame[def.params[i].local], a.ty)}`;
    });
    return { body: def.body, frame, args: shown.length ? ` (${shown.join(", ")})` : "" };
  }

  /** Explains why `e` is true (for a false `not e`). */
  whyTrue(e: I.Expr, locals: Value[], indent: number): void {
    if (e.k === "logic" && e.op === "or") {
      const side = this.holds(e.l, locals) ? e.l : e.r;
      this.say(indent, `\`${this.text(side)}\` holds, one side of \`or\`:`);
      return this.whyTrue(side, locals, indent + 1);
    }
    if (e.k === "logic" && e.op === "implies") {
      if (!this.holds(e.l, locals)) {
        this.say(indent, `\`${this.text(e.l)}\` does not hold, so the implication does:`);
        return this.whyFalse(e.l, locals, indent + 1);
      }
      this.say(indent, `\`${this.text(e.r)}\` holds:`);
      return this.whyTrue(e.r, locals, indent + 1);
    }
    if (e.k === "not") return this.whyFalse(e.e, locals, indent);
    if (e.k === "ite") return this.whyTrue(this.branch(e, locals, indent), locals, indent + 1);
    if (e.k === "let") return this.whyTrue(e.body, locals, this.bindLet(e, locals, indent));
    if (e.k === "logic" && e.op === "and") {
      this.say(indent, `both \`${this.text(e.l)}\` and \`${this.text(e.r)}\` hold`);
      this.whyTrue(e.l, locals, indent + 1);
      this.whyTrue(e.r, locals, indent + 1);
      return;
    }
    if (e.k === "call") {
      const { body, frame, args } = this.enter(e, locals);
      this.say(indent, `\`${this.text(e)}\` holds${args}:`);
      return this.whyTrue(body, frame, indent + 1);
    }
    if (e.k === "cmp") {
      this.say(indent, `\`${this.text(e.l)}\` is ${this.val(e.l, locals)}, which is ${e.op} ${this.operand(e.r, locals)}`);
      return;
    }
    if (e.k === "eq") {
      this.say(indent, `\`${this.text(e.l)}\` is ${this.val(e.l, locals)}${e.neg ? `, and \`${this.text(e.r)}\` is ${this.val(e.r, locals)}` : e.r.k === "const" ? "" : `, as is \`${this.text(e.r)}\``}`);
      return;
    }
    if (e.k === "agg" && e.op === "any") {
      this.witnessOf(e, locals, indent);
      return;
    }
    this.say(indent, `\`${this.text(e)}\` holds`);
  }

  private forEachBinding(e: Extract<I.Expr, { k: "agg" }>, locals: Value[], visit: (shown: string[]) => boolean): void {
    const go = (i: number, shown: string[]): boolean => {
      if (i === e.binders.length) {
        if (e.where && !this.holds(e.where, locals)) return false;
        return visit(shown);
      }
      const b = e.binders[i];
      const d = b.domain;
      let values: Value[];
      let ty: Ty;
      if (d.k === "type") {
        values = domainValues(d.ty);
        ty = d.ty;
      } else if (d.k === "set") {
        values = (evaluate(this.env, d.set, locals) as Value[]).map((c) => (d.elem.k === "bool" ? fromCode(d.elem, c as number) : c));
        ty = d.elem;
      } else {
        values = evaluate(this.env, d.seq, locals) as Value[];
        ty = d.elem;
      }
      for (const v of values) {
        locals[b.local] = v;
        if (go(i + 1, [...shown, `${b.name} = ${showValue(v, ty)}`])) return true;
      }
      return false;
    };
    go(0, []);
  }

  private counterexampleOf(e: Extract<I.Expr, { k: "agg" }>, locals: Value[], indent: number): void {
    this.forEachBinding(e, locals, (shown) => {
      if (this.holds(e.body!, locals)) return false;
      this.say(indent, `for ${shown.join(", ")}:`);
      this.whyFalse(e.body!, locals, indent + 1);
      return true;
    });
  }

  private witnessOf(e: Extract<I.Expr, { k: "agg" }>, locals: Value[], indent: number): void {
    this.forEachBinding(e, locals, (shown) => {
      if (!this.holds(e.body!, locals)) return false;
      this.say(indent, `\`${this.text(e.body!)}\` holds for ${shown.join(", ")}`);
      return true;
    });
  }
}

/** Lines saying why `property` is false in the given state (and step). */
export function explainViolation(input: ExplainInput, property: I.Property): string[] {
  return explainFalse(input, property.expr, new Array(Math.max(property.nLocals, 1)));
}

/** Lines saying why the boolean `e` is false, with its locals bound (e.g. a `require` of an
 * action, with the action's parameters and lets as they were there). */
export function explainFalse(input: ExplainInput, e: I.Expr, locals: readonly Value[]): string[] {
  const ex = new Explainer(input);
  ex.whyFalse(e, [...locals], 0);
  return ex.lines;
}

/** Lines saying why the boolean `e` is false, or true (`holds`), with `locals` bound (the binders
 * of a liveness property). */
export function explainExpr(input: ExplainInput, e: I.Expr, locals: Value[], holds: boolean): string[] {
  const ex = new Explainer(input);
  if (holds) ex.whyTrue(e, locals, 0);
  else ex.whyFalse(e, locals, 0);
  return ex.lines;
}
