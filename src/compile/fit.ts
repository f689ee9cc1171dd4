// Moving compound values between compatible layouts (queues of different capacities) and the
// run-time checks that a value fits the type it is stored as.

import { needsFit } from "../check/compat.js";
import { SET_MAX_ELEMENT, slotCount, type Ty } from "../ir/types.js";
import { bind, lit, type Ctx } from "./expr.js";

/** Slot codes of a `from` value laid out as a `to` value (same kind; queue capacities may differ:
 * entries past the length are zero, so padding with zeros and dropping zeros are both exact). */
export function reshape(slots: readonly string[], from: Ty, to: Ty): string[] {
  if (from.k === "seq" && to.k === "seq") {
    const wf = from.elem.k === "any" ? 0 : slotCount(from.elem);
    const wt = to.elem.k === "any" ? 0 : slotCount(to.elem);
    const out = [slots[0]];
    for (let j = 0; j < to.cap; j++) {
      if (j < from.cap && wf > 0) out.push(...reshape(slots.slice(1 + j * wf, 1 + (j + 1) * wf), from.elem, to.elem));
      else for (let k = 0; k < wt; k++) out.push("0");
    }
    return out;
  }
  if (from.k === "map" && to.k === "map") {
    const wf = slotCount(from.val);
    const n = wf === 0 ? 0 : slots.length / wf;
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(...reshape(slots.slice(i * wf, (i + 1) * wf), from.val, to.val));
    return out;
  }
  if (from.k === "rec" && to.k === "rec") {
    const out: string[] = [];
    let o = 0;
    from.fields.forEach((f, i) => {
      const w = slotCount(f.ty);
      out.push(...reshape(slots.slice(o, o + w), f.ty, to.fields[i].ty));
      o += w;
    });
    return out;
  }
  return [...slots];
}

/** Emits the checks that a `from` value (slot codes) fits `to`, failing at `site`; returns the slots
 * laid out as `to`, with everything that was checked bound to temporaries. */
export function emitFit(ctx: Ctx, slots: readonly string[], from: Ty, to: Ty, site: number): string[] {
  if (!needsFit(from, to)) return reshape(slots, from, to);
  const out = [...slots];
  check(ctx, out, 0, from, to, site, null);
  return reshape(out, from, to);
}

/** Checks in place (binding slots in `out` to temps); `live` guards entries past a queue's length. */
function check(ctx: Ctx, out: string[], at: number, from: Ty, to: Ty, site: number, live: string | null): void {
  if (!needsFit(from, to)) return;
  const guard = (cond: string) => (live ? `${live} && (${cond})` : cond);
  switch (to.k) {
    case "int": {
      out[at] = bind(ctx, out[at]);
      ctx.fn.line(`if (${guard(`${out[at]} < ${lit(to.lo)} || ${out[at]} > ${lit(to.hi)}`)}) F(${site}, ${out[at]});`);
      return;
    }
    case "set": {
      if (to.elem.k !== "int") return;
      let allowed = 0;
      for (let i = Math.max(0, to.elem.lo); i <= Math.min(SET_MAX_ELEMENT, to.elem.hi); i++) allowed |= 1 << i;
      out[at] = bind(ctx, out[at]);
      const bad = `(${out[at]} & ${~allowed})`;
      ctx.fn.line(`if (${guard(`${bad} !== 0`)}) F(${site}, "a set holding " + (31 - Math.clz32(${bad} & -${bad})));`);
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
