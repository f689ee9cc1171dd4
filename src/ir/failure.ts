import type { Site } from "./ir.js";
import { fracText } from "./rational.js";
import { denOf, stepOf, showRange, showType, type Ty } from "./types.js";

/** For a number that is in range but not a value of `ty` (a fraction into integers, 7/4 into a
 * step of 1/2): why, and how to round. Null when `detail` is not such a number. */
function offStep(ty: Ty | undefined, detail: string): string | null {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(detail);
  if (!m || ty?.k !== "int") return null;
  const n = Number(m[1]);
  const d = m[2] ? Number(m[2]) : 1;
  // In range (n/d between lo/den and hi/den, cross-multiplied), so off the step.
  if (n * denOf(ty) < ty.lo * d || n * denOf(ty) > ty.hi * d) return null;
  const scaled = (n * denOf(ty)) / d;
  if (Number.isInteger(scaled) && (scaled - ty.lo) % stepOf(ty) === 0) return null;
  if (denOf(ty) === 1 && stepOf(ty) === 1) return "which is not an integer: round it with floor(...) or ceil(...)";
  const st = fracText(stepOf(ty), denOf(ty));
  return `which is not a multiple of ${st}: round it with floor(..., ${st}) or ceil(..., ${st})`;
}

/** One sentence for a `well_typed` failure at `site`; `detail` is the offending value or operation. */
export function describeFailure(site: Site, detail: string): string {
  const what = site.what ?? "the value";
  switch (site.kind) {
    case "range": {
      const why = offStep(site.ty, detail);
      if (why) return `${what} would be ${detail}, ${why}`;
      return `${what} would be ${detail}, outside ${site.ty ? showRange(site.ty) : "its type"}`;
    }
    case "set-element":
      return `${what} would hold ${detail}, outside ${site.ty ? showType(site.ty) : "its element type"}`;
    case "divzero":
      return `division by zero: ${detail}`;
    case "index":
      return `${what} is indexed with ${detail}, outside ${site.ty ? showRange(site.ty) : "its keys"}`;
    case "push-full":
      return `push onto a full queue: ${detail}`;
    case "pop-empty":
      return `pop from an empty queue${detail ? `: ${detail}` : ""}`;
    case "head-empty":
      return `head of an empty queue${detail ? `: ${detail}` : ""}`;
    case "empty-agg":
      return `${detail} over no values`;
    case "get-none":
      return `get of none${detail ? `: ${detail}` : ""}`;
    case "absent":
      return `${what} is used in a step that has none${detail ? ` (${detail})` : ""}`;
  }
}
