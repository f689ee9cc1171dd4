// What a monitor run reports: the types the runner (engine.ts, monitor.ts) builds and the
// formatters (text.ts, json.ts) and the CLI read. Types only, so neither side imports the other.

import type { Readable } from "../model/layout.js";

/** Where an event came from: its line in the input (1-based) and, when a mapping turned one line
 * into several spec events (`repeat`), which of them (1-based). */
export interface EventPlace {
  readonly line: number;
  readonly part?: { readonly index: number; readonly of: number };
}

/** A spec-level event as the monitor understood it (values as given, after any mapping). Values
 * are untrusted: formatters escape them. */
export interface EventView {
  /** null: an observation only (no step). */
  readonly action: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly caller?: unknown;
  readonly picks: Readonly<Record<string, unknown>>;
  readonly observed: Readonly<Record<string, unknown>>;
  readonly delta: Readonly<Record<string, unknown>>;
}

/** A spec source location. */
export interface SpecLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Why an event breaks the spec. */
export type AlertReason =
  /** Every candidate state that explains the event violates a property (or fails well_typed). */
  | {
      readonly kind: "property";
      readonly property: { readonly kind: "invariant" | "step" | "well_typed"; readonly name: string };
      /** The spec step that was taken, e.g. `withdraw(a = 0) by caller = 1`. */
      readonly step: string | null;
      /** The explained property (or the well_typed failure), one line each. */
      readonly why: readonly string[];
      readonly location?: SpecLocation;
    }
  /** No candidate state enables the event's action with the event's choices. */
  | {
      readonly kind: "disabled";
      readonly action: string;
      /** The instance shown in `why` (the first one tried). */
      readonly step: string;
      /** The `require` (or `pick ... where`) that is false, as written in the spec. */
      readonly guard: string | null;
      readonly why: readonly string[];
      readonly location?: SpecLocation;
    }
  /** The spec takes the step, but the state it reaches is not what the event observed. */
  | {
      readonly kind: "observed";
      readonly step: string | null;
      readonly place: string;
      /** The spec's value there, and the one the event reports (for a delta: old value + delta). */
      readonly expected: Readable;
      readonly found: Readable;
      /** For a delta: the value before the step, and the change the event reports. */
      readonly delta?: { readonly before: Readable; readonly by: number };
    };

/** The first event that breaks the spec. */
export interface MonitorAlert {
  readonly kind: "violation";
  readonly at: EventPlace;
  /** Events (spec-level) read before this one, plus one. */
  readonly event: number;
  /** Steps of the spec taken before this event, so the alert's step is `steps + 1` (observations
   * take no step). */
  readonly steps: number;
  /** null: the initial state already violates an invariant (line 0). */
  readonly view: EventView | null;
  /** The system's own event, when a mapping translated it (untrusted). */
  readonly source?: unknown;
  readonly reason: AlertReason;
  /** Candidate states live just before the event, and how many of them the reason holds for (all). */
  readonly candidates: number;
  /** The trace so far, saved as an ITF file (absent when saving was off or failed: see saveError). */
  readonly trace?: string;
  readonly saveError?: string;
}

/** A line that is not an event the monitor can use. */
export interface BadLine {
  readonly kind: "bad-line";
  readonly line: number;
  /** One sentence, untrusted text already escaped. */
  readonly message: string;
}

/** The candidate bound was hit: some states consistent with the events were dropped. */
export interface BoundHit {
  readonly kind: "bound";
  readonly at: EventPlace;
  readonly max: number;
  /** Successor states dropped at that event. */
  readonly dropped: number;
}

/** No kept candidate explains an event, but candidates were dropped earlier: the monitor cannot tell. */
export interface Inconclusive {
  readonly kind: "inconclusive";
  readonly at: EventPlace;
  readonly bound: BoundHit;
  /** What would have been reported had no candidate been dropped. */
  readonly reason: AlertReason;
}

export type MonitorReport = MonitorAlert | BadLine | BoundHit | Inconclusive;

export interface MonitorSummary {
  /** holds: every event explained; violated: an alert; bad-input: a line could not be used (and
   * --on-bad-line stop, or skipped lines at the end); incomplete: interrupted, or inconclusive
   * because of the candidate bound. */
  readonly verdict: "holds" | "violated" | "bad-input" | "incomplete";
  /** As `check`: 0 holds, 1 violated, 2 bad input, 3 incomplete. */
  readonly exitCode: number;
  readonly lines: number;
  /** Spec-level events processed (observations included). */
  readonly events: number;
  readonly steps: number;
  readonly badLines: number;
  /** Candidate states live at the end, and the most ever live at once. */
  readonly candidates: number;
  readonly maxCandidates: number;
  readonly bound: BoundHit | null;
  readonly alert: MonitorAlert | null;
  readonly inconclusive: Inconclusive | null;
  readonly interrupted: boolean;
  readonly seconds: number;
}
