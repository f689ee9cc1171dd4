// An alert's reason in one line: the trace file's message and the JSON report's summary.

import type { AlertReason } from "./types.js";

/** The reason in one line (the trace file's message, the JSON alert's summary). */
export function reasonLine(r: AlertReason): string {
  switch (r.kind) {
    case "property":
      return `${r.step ? `${r.step} ` : "the initial state "}violates ${r.property.kind === "well_typed" ? "well_typed" : `${r.property.kind === "invariant" ? "invariant" : "step property"} ${r.property.name}`}`;
    case "disabled":
      return `${r.step} is not enabled${r.guard ? `: \`${r.guard}\` is false` : ""}`;
    case "observed":
      return `${r.step ? `after ${r.step}, ` : ""}${r.place} is ${JSON.stringify(r.expected)} in the spec, but the event ${r.delta ? "implies" : "observed"} ${JSON.stringify(r.found)}`;
  }
}
