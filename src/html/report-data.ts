// What an HTML report holds, as plain JSON: the page's script builds the DOM from this (with
// textContent only), so every string here is data, never markup. Built by src/html/build.ts from a
// run's result and its traces; rendered into one file by src/html/render.ts.

/** The one verdict rule, as the page shows it: holds (checked to the end), violated, unknown (the
 * search stopped before the end, or random walks found nothing: not proved), error. */
export type Verdict = "holds" | "violated" | "unknown" | "error";

export interface ReportCase {
  readonly name: string;
  readonly verdict: Verdict;
  /** The verdict in words, as the terminal and the JSON report say it. */
  readonly label: string;
  readonly message?: string;
  /** Index into ReportData.counterexamples. */
  readonly counterexample?: number;
  readonly file?: string;
}

export interface ReportCoverage {
  readonly action: string;
  readonly fired: number;
  readonly disabled: number;
}

export interface ReportSuite {
  readonly name: string;
  readonly file: string;
  readonly consts: readonly (readonly [string, string])[];
  readonly cases: readonly ReportCase[];
  /** Figures as [label, text]: distinct states, generated, depth, time, states/s; runs and steps. */
  readonly stats: readonly (readonly [string, string])[];
  readonly incomplete?: string;
  readonly coverage?: readonly ReportCoverage[];
}

/** Where a swept property holds, per configuration of the swept consts. */
export interface ReportSweep {
  readonly spec: string;
  readonly file: string;
  /** The consts that vary. */
  readonly swept: readonly string[];
  readonly properties: readonly string[];
  readonly rows: readonly {
    readonly consts: readonly string[];
    readonly cells: readonly { readonly verdict: Verdict; readonly text: string; readonly counterexample?: number }[];
    readonly states: string;
  }[];
}

/** A value in the full-state view: its text, and its parts when it is a container worth opening. */
export interface ValueNode {
  readonly t: string;
  /** Parts as [label, node]: `[0]`, `.owner`. */
  readonly c?: readonly (readonly [string, ValueNode])[];
}

/** One change of a step, as the terminal shows it (src/trace/diff.ts), split for styling. */
export type ReportChange =
  | { readonly k: "value"; readonly path: string; readonly before: string; readonly after: string }
  | { readonly k: "set"; readonly path: string; readonly added: readonly string[]; readonly removed: readonly string[] }
  | { readonly k: "pop" | "push" | "drop"; readonly path: string; readonly item: string };

export interface ReportStep {
  /** 1 for the first step. */
  readonly index: number;
  readonly action: string;
  readonly params: readonly (readonly [string, string])[];
  readonly caller?: readonly [string, string];
  readonly picks: readonly (readonly [string, string])[];
  readonly changes: readonly ReportChange[];
  /** The step fails (no state after it): a well_typed failure of its effect. */
  readonly failed?: true;
  /** A conformance probe: the spec does not enable this step. */
  readonly disabled?: true;
}

export interface ReportSeries {
  readonly name: string;
  /** One value per state (null where the value does not exist in that state). */
  readonly values: readonly (number | null)[];
  readonly shown: boolean;
}

export interface ReportCounterexample {
  readonly id: string;
  /** `invariant conservation is violated after 3 steps` */
  readonly title: string;
  readonly spec: string;
  readonly specPath: string;
  readonly consts: readonly (readonly [string, string])[];
  readonly property: { readonly kind: string; readonly name: string };
  readonly file?: string;
  readonly explorer: string;
  /** The step at which the property fails: the last state's index, or the failing step's. */
  readonly violatingStep: number;
  /** A liveness lasso: the index of the state the last state loops back to. */
  readonly loop?: number;
  readonly vars: readonly string[];
  /** The initial state's leaves as [path, text]. */
  readonly initial: readonly (readonly [string, string])[];
  readonly steps: readonly ReportStep[];
  /** Full states, interned per variable: states[i][v] indexes values[v]. */
  readonly values: readonly (readonly ValueNode[])[];
  readonly states: readonly (readonly number[])[];
  readonly series: readonly ReportSeries[];
  /** Why the property is false, as `check` prints it; empty when there is no spec to explain with. */
  readonly explanation: readonly string[];
  readonly replay: string;
  /** Things the reader should know: a spec not found, a spec that changed. */
  readonly notes: readonly string[];
}

export interface ReportData {
  readonly title: string;
  readonly command: string;
  readonly summary: string;
  readonly verdict: string;
  readonly suites: readonly ReportSuite[];
  readonly sweeps: readonly ReportSweep[];
  readonly counterexamples: readonly ReportCounterexample[];
}
