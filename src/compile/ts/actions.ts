// Action bodies as pure TypeScript functions `(state, action) => State | null`. The body runs
// imperatively on a local `s` that every assignment replaces with an updated copy, so later
// statements see earlier writes and the caller's state is never touched. A failed `require` or
// pick condition returns null (not enabled); a `well_typed` failure throws.

import { needsFit } from "../../check/compat.js";
import type * as I from "../../ir/ir.js";
import { localsRead } from "../../ir/walk.js";
import { isPlainInt, isScalar, type Ty } from "../../ir/types.js";
import { hasValues } from "./value-shapes.js";
import { ExprCompiler, PREC, firstValue, primary, wrap, type Code, type ModuleCtx, type Scope } from "./expr.js";
import { choiceFields, propKey, propRead, type NameTable } from "./names.js";
import { compileLoop, loopRounds } from "./loops.js";
import { assertNever } from "../../util/assert-never.js";
import { commentLines, jsString } from "./escape.js";

export interface ActionFunction {
  readonly name: string;
  readonly params: readonly { name: string; type: string }[];
  readonly returns: string;
  readonly body: string[];
}

interface Body {
  readonly action: I.Action;
  readonly lines: string[];
  readonly sc: Scope;
  readonly fields: readonly string[];
  /** Pick index -> the flag set when a pick inside a branch is reached. */
  readonly reached: Map<number, string>;
  readonly firstPick: number;
  indent: number;
}

function hasAssign(stmts: readonly I.Stmt[]): boolean {
  return stmts.some((s) => s.k === "assign" || (s.k === "if" && (hasAssign(s.then) || hasAssign(s.else))) || (s.k === "for" && hasAssign(s.body)));
}

/** The picks (by number, loop rounds included) a path may not reach: in a branch, or in a round of
 * a loop over a set or a queue (which skips the values not there). */
function conditionalPicks(stmts: readonly I.Stmt[], nested: boolean, out: number[], picks = 0): number[] {
  for (const s of stmts) {
    if (s.k === "pick" && nested && !out.includes(s.pick + picks)) out.push(s.pick + picks);
    if (s.k === "if") {
      conditionalPicks(s.then, true, out, picks);
      conditionalPicks(s.else, true, out, picks);
    }
    if (s.k === "for" && s.stride > 0) {
      const rounds = loopRounds(s.domain);
      for (let k = 0; k < rounds; k++) conditionalPicks(s.body, nested || s.domain.k !== "type", out, picks + k * s.stride);
    }
  }
  return out;
}

export class ActionCompiler {
  private readonly x: ExprCompiler;

  constructor(
    private readonly m: ModuleCtx,
    private readonly module: NameTable,
  ) {
    this.x = new ExprCompiler(m);
  }

  /** The spec text of a statement, on one line, for a comment. */
  private source(span: I.Action["span"]): string {
    const text = commentLines(this.m.spec.file.slice(span))[0].trim();
    return text.replace(/\s+/g, " ");
  }

  compile(a: I.Action, fnName: string): ActionFunction {
    const names = this.module.child();
    const stateName = names.fresh("state");
    const actionName = names.fresh("action");
    const mutates = hasAssign(a.body);
    const s = mutates ? names.fresh("s") : stateName;
    const sc: Scope = { state: s, old: null, action: null, locals: new Map(), names, uses: { state: false, old: false, action: false } };
    const fields = choiceFields(a);
    const lines: string[] = [];
    const body: Body = { action: a, lines, sc, fields, reached: new Map(), firstPick: a.choices.findIndex((c) => c.kind === "pick"), indent: 0 };

    // Caller and parameters up front (those the body reads: strict settings reject unused ones);
    // picks where the body makes them.
    const read = localsRead(a.body);
    const bound: string[] = [];
    a.choices.forEach((c, i) => {
      if (c.kind === "pick" || !read.has(c.local)) return;
      const local = names.fresh(c.name);
      sc.locals.set(c.local, primary(local, this.m.types.decl(c.ty)));
      bound.push(local === fields[i] ? local : `${propKey(fields[i])}: ${local}`);
    });
    if (bound.length) lines.push(`const { ${bound.join(", ")} } = ${actionName};`);
    for (const p of conditionalPicks(a.body, false, [])) {
      const flag = names.fresh(`picked_${fields[body.firstPick + p]}`);
      body.reached.set(p, flag);
      lines.push(`let ${flag} = false;`);
    }
    if (mutates) lines.push(`let ${s} = ${stateName};`);
    this.stmts(a.body, body, actionName);
    if (body.reached.size) lines.push("// A pick on a path not taken has one instance: its first value.");
    for (const [p, flag] of body.reached) {
      const c = a.choices[body.firstPick + p];
      const chosen = propRead(actionName, fields[body.firstPick + p]);
      const first = firstValue(this.m.types, c.ty);
      if (isScalar(c.ty) && !hasValues(c.ty)) lines.push(`if (!${flag} && ${chosen} !== ${first}) return null;`);
      else {
        this.m.use("same");
        lines.push(`if (!${flag} && !same(${chosen}, ${first})) return null;`);
      }
    }
    lines.push(`return ${s};`);
    const usesAction = bound.length > 0 || a.choices.some((c) => c.kind === "pick");
    return {
      name: fnName,
      params: [
        { name: stateName, type: "State" },
        { name: usesAction ? actionName : `_${actionName}`, type: `ActionOf<${jsString(a.name)}>` },
      ],
      returns: "State | null",
      body: lines,
    };
  }

  private line(b: Body, text: string): void {
    b.lines.push("  ".repeat(b.indent) + text);
  }

  private stmts(stmts: readonly I.Stmt[], b: Body, action: string, picks = 0): void {
    for (const s of stmts) this.stmt(s, b, action, picks);
  }

  /** `picks` is added to every pick's number: the rounds of enclosing unrolled loops. */
  private stmt(s: I.Stmt, b: Body, action: string, picks: number): void {
    const sc = b.sc;
    switch (s.k) {
      case "require": {
        this.line(b, `// require ${this.source(s.span).replace(/^require\s+/, "")}`);
        this.line(b, `if (${this.x.negated(s.cond, sc).text}) return null;`);
        return;
      }
      case "let": {
        const v = this.x.compile(s.value, sc);
        const name = sc.names.fresh(this.letName(s, b));
        const ty = v.ts ?? this.m.types.value(s.value.ty);
        this.line(b, `const ${name}: ${ty} = ${v.text};`);
        sc.locals.set(s.local, primary(name, ty));
        return;
      }
      case "if": {
        const c = this.x.compile(s.cond, sc);
        this.line(b, `if (${c.text}) {`);
        b.indent++;
        this.stmts(s.then, b, action, picks);
        b.indent--;
        let els = s.else;
        while (els.length === 1 && els[0].k === "if") {
          const inner = els[0];
          const ci = this.x.compile(inner.cond, sc);
          this.line(b, `} else if (${ci.text}) {`);
          b.indent++;
          this.stmts(inner.then, b, action, picks);
          b.indent--;
          els = inner.else;
        }
        if (els.length) {
          this.line(b, "} else {");
          b.indent++;
          this.stmts(els, b, action, picks);
          b.indent--;
        }
        this.line(b, "}");
        return;
      }
      case "pick": {
        const i = b.firstPick + s.pick + picks;
        const c = b.action.choices[i];
        const name = sc.names.fresh(b.fields[i]);
        this.line(b, `const ${name} = ${propRead(action, b.fields[i])};`);
        sc.locals.set(s.local, primary(name, this.m.types.decl(c.ty)));
        const flag = b.reached.get(s.pick + picks);
        if (flag) this.line(b, `${flag} = true;`);
        if (s.where) this.line(b, `if (${this.x.negated(s.where, sc).text}) return null;`);
        return;
      }
      case "assign":
        this.line(b, `// ${this.source(s.span)}`);
        this.assign(s, b);
        return;
      case "for":
        this.line(b, `// ${this.source(s.span).replace(/\s*\{$/, "")}`);
        compileLoop(this.m, this.x, s, sc, {
          line: (text) => this.line(b, text),
          indent: (by) => (b.indent += by),
          body: (round) => this.stmts(s.body, b, action, picks + round * s.stride),
        });
        return;
      default:
        assertNever(s);
    }
  }

  /** The spec's name of a `let` (or of a proc's parameter, bound by a `let` at each call). */
  private letName(s: Extract<I.Stmt, { k: "let" }>, _b: Body): string {
    const m = /^(?:let\s+)?([A-Za-z_]\w*)/.exec(this.m.spec.file.slice(s.span));
    return m ? m[1] : "v";
  }

  /** `place = value`: indexes first (with their checks), then the value, then its range check. */
  private assign(s: Extract<I.Stmt, { k: "assign" }>, b: Body): void {
    const sc = b.sc;
    const spec = this.m.spec;
    const v = spec.vars[s.place.var];
    // Walk the path, binding each index (checked where the compiled model checks it) to a name.
    let ty: Ty = v.ty;
    let read: Code = primary(propRead(sc.state, v.name), this.m.types.decl(v.ty));
    const steps: { kind: "map" | "mapV" | "seq" | "field"; key: string; field?: string; read: Code }[] = [];
    for (const p of s.place.path) {
      if (p.k === "field") {
        const rec = ty as I.RecTy;
        const f = rec.fields[p.field];
        steps.push({ kind: "field", key: "", field: f.name, read });
        read = primary(propRead(wrap(read, PREC.PRIMARY), f.name), this.m.types.decl(f.ty));
        ty = f.ty;
        continue;
      }
      const idx = this.x.compile(p.index, sc);
      if (ty.k === "map" && (!isPlainInt(ty.key) || !isPlainInt(p.index.ty))) {
        // Keys compared by content (fractions, tuples, records, options).
        const k = this.bindTemp(b, "k", this.x.keyOf(idx, p.index.ty, ty.key, p.site));
        steps.push({ kind: "mapV", key: k, read });
        this.m.use("getV");
        read = primary(`getV(${read.text}, ${k})`, this.m.types.decl(ty.val));
        ty = ty.val;
      } else if (ty.k === "map") {
        const key = ty.key;
        const r = p.index.ty;
        const checked = key.k === "int" && r.k === "int" && (r.lo < key.lo || r.hi > key.hi);
        let k = idx.text;
        if (checked) {
          this.m.use("key");
          k = this.bindTemp(b, "k", `key(${read.text}, ${idx.text}, ${this.m.site(p.site)})`);
        } else if (!isName(idx.text)) k = this.bindTemp(b, "k", idx.text);
        steps.push({ kind: "map", key: k, read });
        this.m.use("get");
        read = primary(`get(${read.text}, ${k})`, this.m.types.decl(ty.val));
        ty = ty.val;
      } else {
        const q = ty as I.SeqTy;
        const site = this.m.site(p.site);
        this.m.use("index");
        const k = this.bindTemp(b, "i", `index(${read.text}, ${idx.text}, ${site})`);
        steps.push({ kind: "seq", key: k, read });
        this.m.use("nth");
        read = primary(`nth(${read.text}, ${k}, ${site})`, read.ts !== null ? this.m.types.decl(q.elem) : null);
        ty = q.elem;
      }
    }
    let value = this.x.compile(s.value, sc);
    if (needsFit(s.value.ty, s.place.ty)) value = this.x.fit(value, s.value.ty, s.place.ty, s.site);
    value = this.x.conform(value, s.value, s.place.ty);
    // Rebuild the path from the inside out.
    let updated = value.text;
    for (let j = steps.length - 1; j >= 0; j--) {
      const st = steps[j];
      if (st.kind === "field") {
        updated = `{ ...${wrap(st.read, PREC.PRIMARY)}, ${propKey(st.field!)}: ${updated} }`;
      } else if (st.kind === "map") {
        this.m.use("put");
        updated = `put(${st.read.text}, ${st.key}, ${updated})`;
      } else if (st.kind === "mapV") {
        this.m.use("putV");
        updated = `putV(${st.read.text}, ${st.key}, ${updated})`;
      } else {
        this.m.use("setNth");
        updated = `setNth(${st.read.text}, ${st.key}, ${updated})`;
      }
    }
    this.line(b, `${sc.state} = { ...${sc.state}, ${propKey(v.name)}: ${updated} };`);
  }

  private bindTemp(b: Body, base: string, text: string): string {
    const name = b.sc.names.fresh(base);
    this.line(b, `const ${name} = ${text};`);
    return name;
  }
}

function isName(text: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(text) || /^-?\d+$/.test(text) || /^"[^"]*"$/.test(text) || text === "true" || text === "false";
}
