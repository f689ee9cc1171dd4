// Moving values between compatible layouts (queues of different capacities, numbers over different
// denominators, options over different payload types, sets over different integer ranges) and the
// run-time checks that a value fits the type it is stored as.

import { needsFit, sameKey } from "../check/compat.js";
import { setBase } from "../ir/finite.js";
import { OUTSIDE_ELEMENT } from "../ir/eval.js";
import { denOf, isPlainInt, setWords, slotCount, type IntTy, type Ty } from "../ir/types.js";
import { bind, lit, type Ctx } from "./expr.js";
import { shown } from "./fractions.js";
import { remapTable, reshapeSet } from "./sets.js";
import { decodeIndex, indexIn, numberIn, times } from "./values.js";

/** Slot codes of a `from` value laid out as a `to` value (the value is known to fit `to`). Queues:
 * entries past the length are zero, so padding with zeros and dropping zeros are both exact. */
export function reshape(ctx: Ctx, slots: readonly string[], from: Ty, to: Ty): string[] {
  if (from.k === "seq" && to.k === "seq") {
    const wf = from.elem.k === "any" ? 0 : slotCount(from.elem);
    const wt = to.elem.k === "any" ? 0 : slotCount(to.elem);
    const out = [slots[0]];
    for (let j = 0; j < to.cap; j++) {
      if (j < from.cap && wf > 0) out.push(...reshape(ctx, slots.slice(1 + j * wf, 1 + (j + 1) * wf), from.elem, to.elem));
      else for (let k = 0; k < wt; k++) out.push("0");
    }
    return out;
  }
  if (from.k === "map" && to.k === "map") {
    const wf = slotCount(from.val);
    const n = wf === 0 ? 0 : slots.length / wf;
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(...reshape(ctx, slots.slice(i * wf, (i + 1) * wf), from.val, to.val));
    return out;
  }
  if (from.k === "rec" && to.k === "rec") {
    const out: string[] = [];
    let o = 0;
    from.fields.forEach((f, i) => {
      const w = slotCount(f.ty);
      out.push(...reshape(ctx, slots.slice(o, o + w), f.ty, to.fields[i].ty));
      o += w;
    });
    return out;
  }
  if (from.k === "int" && to.k === "int" && denOf(from) !== denOf(to)) {
    const df = denOf(from);
    const dt = denOf(to);
    return [dt % df === 0 ? times(slots[0], dt / df) : `(${times(slots[0], dt)} / ${df})`];
  }
  if (from.k === "option" && to.k === "option" && from.elem.k !== "any" && to.elem.k !== "any" && !sameKey(from.elem, to.elem)) {
    const s = bind(ctx, slots[0]);
    const inner = indexIn(ctx, decodeIndex(ctx, `(${s} - 1)`, from.elem), from.elem, to.elem);
    return [`(${s} === 0 ? 0 : 1 + ${inner.idx})`];
  }
  if (from.k === "set" && to.k === "set") return reshapeSet(slots, from, to);
  return [...slots];
}

/** Emits the checks that a `from` value (slot codes) fits `to`, failing at `site`; returns the slots
 * laid out as `to`, with everything that was checked bound to temporaries. */
export function emitFit(ctx: Ctx, slots: readonly string[], from: Ty, to: Ty, site: number): string[] {
  if (!needsFit(from, to)) return reshape(ctx, slots, from, to);
  const out = [...slots];
  check(ctx, out, 0, from, to, site, null);
  return reshape(ctx, out, from, to);
}

/** The bits of word `k` of a set over plain integers `from` that lie inside `to`'s range. */
function allowedBits(from: IntTy, to: IntTy, k: number): number {
  let m = 0;
  const start = setBase(from) + 32 * k;
  for (let b = 0; b < 32; b++) if (start + b >= to.lo && start + b <= to.hi) m |= 1 << b;
  return m;
}

/** Checks in place (binding slots in `out` to temps); `live` guards entries past a queue's length. */
function check(ctx: Ctx, out: string[], at: number, from: Ty, to: Ty, site: number, live: string | null): void {
  if (!needsFit(from, to)) return;
  const guard = (cond: string) => (live ? `${live} && (${cond})` : cond);
  switch (to.k) {
    case "int": {
      out[at] = bind(ctx, out[at]);
      const f = from as IntTy;
      if (isPlainInt(to) && denOf(f) === 1) {
        ctx.fn.line(`if (${guard(`${out[at]} < ${lit(to.lo)} || ${out[at]} > ${lit(to.hi)}`)}) F(${site}, ${out[at]});`);
        return;
      }
      const { ok } = numberIn(ctx, out[at], f, to);
      if (ok !== "true") ctx.fn.line(`if (${guard(`!(${ok})`)}) F(${site}, ${shown(out[at], denOf(f))});`);
      return;
    }
    case "set": {
      if (from.k !== "set" || from.elem.k === "any" || to.elem.k === "any") return;
      if (!isPlainInt(from.elem) || !isPlainInt(to.elem)) {
        // Elements renumbered into another type: those that are not in it fail.
        const table = remapTable(from.elem, to.elem);
        for (let k = 0; k < setWords(from.elem); k++) {
          let bad = 0;
          for (let b = 0; b < 32 && 32 * k + b < table.length; b++) if (table[32 * k + b] < 0) bad |= 1 << b;
          if (bad === 0) continue;
          out[at + k] = bind(ctx, out[at + k]);
          ctx.fn.line(`if (${guard(`(${out[at + k]} & ${lit(bad)}) !== 0`)}) F(${site}, "${OUTSIDE_ELEMENT}");`);
        }
        return;
      }
      const fe = from.elem;
      for (let k = 0; k < setWords(fe); k++) {
        const allowed = allowedBits(fe, to.elem, k);
        if (allowed === -1) continue;
        out[at + k] = bind(ctx, out[at + k]);
        const bad = `(${out[at + k]} & ${~allowed})`;
        const first = setBase(fe) + 32 * k;
        const where = first === 0 ? `(31 - Math.clz32(${bad} & -${bad}))` : `(${first} + 31 - Math.clz32(${bad} & -${bad}))`;
        ctx.fn.line(`if (${guard(`${bad} !== 0`)}) F(${site}, "a set holding " + ${where});`);
      }
      return;
    }
    case "option": {
      if (from.k !== "option" || from.elem.k === "any" || to.elem.k === "any") return;
      out[at] = bind(ctx, out[at]);
      const s = out[at];
      const inner = indexIn(ctx, decodeIndex(ctx, `(${s} - 1)`, from.elem), from.elem, to.elem);
      if (inner.ok !== "true") ctx.fn.line(`if (${guard(`${s} !== 0 && !(${inner.ok})`)}) F(${site}, "a value outside the option's type");`);
      return;
    }
    case "map": {
      if (from.k !== "map") return;
      const w = slotCount(from.val);
      const n = w === 0 ? 0 : slotCount(from) / w;
      for (let i = 0; i < n; i++) check(ctx, out, at + i * w, from.val, to.val, site, live);
      return;
    }
    case "rec": {
      if (from.k !== "rec") return;
      let o = at;
      from.fields.forEach((f, i) => {
        check(ctx, out, o, f.ty, to.fields[i].ty, site, live);
        o += slotCount(f.ty);
      });
      return;
    }
    case "seq": {
      if (from.k !== "seq") return;
      out[at] = bind(ctx, out[at]);
      const len = out[at];
      if (from.cap > to.cap) ctx.fn.line(`if (${guard(`${len} > ${to.cap}`)}) F(${site}, "a queue of " + ${len} + " elements");`);
      if (from.elem.k === "any" || to.elem.k === "any") return;
      const w = slotCount(from.elem);
      for (let j = 0; j < from.cap; j++) check(ctx, out, at + 1 + j * w, from.elem, to.elem, site, `${len} > ${j}`);
      return;
    }
    default:
      return;
  }
}
