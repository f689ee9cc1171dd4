import type { Site } from "./ir.js";
import { showRange, showType } from "./types.js";

/** One sentence for a `well_typed` failure at `site`; `detail` is the offending value or operation. */
export function describeFailure(site: Site, detail: string): string {
  const what = site.what ?? "the value";
  switch (site.kind) {
    case "range":
      return `${what} would be ${detail}, outside ${site.ty ? showRange(site.ty) : "its type"}`;
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
    case "absent":
      return `${what} is used in a step that has none${detail ? ` (${detail})` : ""}`;
  }
}
