// Type expressions to IR types: named types resolved in any order, bounds folded, finiteness and
// the representation limits (set universes, state width) checked.

import type * as A from "../lang/ast.js";
import { MAX_SET_ELEMENTS, isIndexable } from "../ir/finite.js";
import { BOOL, ERR, showType, sizeOfTy, slotCount, type Ty } from "../ir/types.js";
import { PROTO_RESERVED, type Checker } from "./checker.js";
import { foldConst } from "./consts.js";
import { rangeType } from "./fractions.js";

/** Upper bound on a state's width in 32-bit words, to turn absurd specs into a diagnostic. */
export const MAX_STATE_WORDS = 1 << 20;

function withName(ty: Ty, name: string): Ty {
  switch (ty.k) {
    case "int":
    case "set":
    case "map":
    case "rec":
    case "seq":
      return { ...ty, name };
    default:
      return ty;
  }
}

/** Names the consts a bound mentions, with their values: "N = 0". */
function constsIn(c: Checker, e: A.Expr): string {
  const found = new Map<string, string>();
  const walk = (x: A.Expr): void => {
    if (x.kind === "name") {
      const g = c.globals.get(x.name);
      if (g?.kind === "const") {
        const v = c.constOverrides.get(x.name);
        found.set(x.name, v !== undefined ? `${v} from --const` : c.file.slice(g.decl.value.span));
      }
    } else if (x.kind === "binary") {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === "unary") walk(x.operand);
    else if (x.kind === "call") x.args.forEach(walk);
    else if (x.kind === "ite") [x.cond, x.then, x.else].forEach(walk);
  };
  walk(e);
  return [...found].map(([n, v]) => `${n} = ${v}`).join(", ");
}

function resolveNamed(c: Checker, name: A.Name): Ty {
  const g = c.globals.get(name.text);
  if (!g) {
    const hint = c.suggest(name.text, undefined, (x) => x.kind === "type");
    c.error(name.span, `unknown type \`${name.text}\``, hint ?? "types are bool, a .. b, enum { ... }, set<T>, map<K, V>, seq<T, N>, { field: T, ... } or a declared type name");
    return ERR;
  }
  if (g.kind !== "type") {
    c.error(name.span, `\`${name.text}\` is ${g.kind === "const" ? "a const" : "not a type"}, not a type`, g.kind === "const" ? `for integers up to ${name.text}, write 0 .. ${name.text}` : undefined);
    return ERR;
  }
  return declaredType(c, g.decl);
}

/** The type a `type` declaration names, resolving it on first use. */
export function declaredType(c: Checker, decl: A.TypeDecl): Ty {
  const name = decl.name.text;
  const st = c.typeStates.get(name);
  if (st?.state === "done") return st.ty;
  if (st?.state === "resolving") {
    c.error(decl.name.span, `type \`${name}\` is defined in terms of itself`, "every type must be finite, so a type cannot contain itself");
    c.typeStates.set(name, { state: "done", ty: ERR });
    return ERR;
  }
  c.typeStates.set(name, { state: "resolving" });
  let ty: Ty;
  if (decl.type.kind === "enum") {
    // A repeated member is reported as a duplicate declaration when globals are collected.
    const members = [...new Set(decl.type.members.map((m) => m.text))];
    ty = { k: "enum", name, members, id: c.enums.length };
    c.enums.push(ty);
    for (const m of decl.type.members) {
      const g = c.globals.get(m.text);
      if (g?.kind === "enumMember" && g.enumName === name) g.ty = ty;
    }
  } else {
    ty = withName(resolveType(c, decl.type), name);
  }
  if (decl.symmetric) {
    if (ty.k !== "int") {
      if (ty.k !== "error") c.error(decl.span, `a symmetric type must be an integer range such as 0 .. N - 1; \`${name}\` is ${showType(ty)}`);
    } else {
      ty = { ...ty, sym: c.symmetric.length };
      c.symmetric.push({ name, ty });
    }
  }
  const st2 = c.typeStates.get(name);
  if (st2?.state === "done") return st2.ty; // a cycle was reported while resolving
  c.typeStates.set(name, { state: "done", ty });
  return ty;
}

export function resolveType(c: Checker, t: A.TypeExpr): Ty {
  switch (t.kind) {
    case "bool":
      return BOOL;
    case "enum":
      c.error(t.span, "an enum must be declared as a named type", "write `type Value = enum { A, B }` and use `Value` here");
      return ERR;
    case "named":
      return resolveNamed(c, t.name);
    case "range":
      return rangeType(c, t, (e) => constsIn(c, e));
    case "set": {
      const elem = resolveType(c, t.elem);
      if (elem.k === "error") return ERR;
      if (!finiteElement(c, t.elem.span, elem, "set elements")) return ERR;
      const n = sizeOfTy(elem);
      if (n > MAX_SET_ELEMENTS) {
        c.error(t.elem.span, `a set of \`${showType(elem, false)}\` would range over ${n > 1e15 ? "more than 10^15" : n.toLocaleString("en-US")} values; a set holds at most ${MAX_SET_ELEMENTS.toLocaleString("en-US")}`, "narrow the element type, or keep a map<K, bool> over a smaller key type");
        return ERR;
      }
      return { k: "set", elem };
    }
    case "map": {
      const key = resolveType(c, t.key);
      const val = resolveType(c, t.value);
      if (key.k === "error" || val.k === "error") return ERR;
      if (!finiteElement(c, t.key.span, key, "map keys")) return ERR;
      const ty: Ty = { k: "map", key, val };
      return checkWidth(c, t.span, ty);
    }
    case "tuple": {
      const fields = t.elems.map((x, i) => ({ name: String(i), ty: resolveType(c, x) }));
      if (fields.some((f) => f.ty.k === "error")) return ERR;
      return checkWidth(c, t.span, { k: "rec", fields, tuple: true });
    }
    case "option": {
      const elem = resolveType(c, t.elem);
      if (elem.k === "error") return ERR;
      if (!finiteElement(c, t.elem.span, elem, "an option's value")) return ERR;
      if (sizeOfTy(elem) >= 2 ** 31 - 1) {
        c.error(t.elem.span, `an option of \`${showType(elem, false)}\` would need more than 2^31 values`, "narrow the value type");
        return ERR;
      }
      return { k: "option", elem };
    }
    case "seq": {
      const elem = resolveType(c, t.elem);
      const cap = foldConst(c, t.capacity, "int", "a queue's capacity");
      if (elem.k === "error" || typeof cap !== "number") return ERR;
      if (cap < 1) {
        c.error(t.capacity.span, `a queue's capacity must be at least 1, not ${cap}`);
        return ERR;
      }
      return checkWidth(c, t.span, { k: "seq", elem, cap });
    }
    case "record": {
      const fields: { name: string; ty: Ty }[] = [];
      let bad = false;
      for (const f of t.fields) {
        if (f.name.text === "__proto__") {
          c.error(f.name.span, `\`__proto__\` is reserved: it is ${PROTO_RESERVED}`, "choose another name");
          bad = true;
          continue;
        }
        if (fields.some((x) => x.name === f.name.text)) {
          c.error(f.name.span, `field \`${f.name.text}\` is declared twice`);
          bad = true;
          continue;
        }
        const ty = resolveType(c, f.type);
        if (ty.k === "error") bad = true;
        fields.push({ name: f.name.text, ty });
      }
      return bad ? ERR : checkWidth(c, t.span, { k: "rec", fields });
    }
  }
}

/** Set elements, map keys and option values need a finite type whose values have an index. */
function finiteElement(c: Checker, span: A.Span, ty: Ty, what: string): boolean {
  if (isIndexable(ty)) return true;
  c.error(span, `${what} must be bool, a number range, an enum, or a tuple, record or option of those; \`${showType(ty)}\` is not`, ty.k === "set" || ty.k === "map" || ty.k === "seq" ? "a value of this type has no index: nest a map instead" : undefined);
  return false;
}

function checkWidth(c: Checker, span: A.Span, ty: Ty): Ty {
  const w = slotCount(ty);
  if (w > MAX_STATE_WORDS) {
    c.error(span, `this type takes ${w} words per state, more than the ${MAX_STATE_WORDS} stakecheck supports`, "shrink the key or element types");
    return ERR;
  }
  return ty;
}
