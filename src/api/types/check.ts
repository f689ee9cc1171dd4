// What `check` returns (types only: the runner, src/api/check.ts, and the formatters in src/report
// both import this, so neither imports the other for it).

import type { BfsResult } from "../../explore/bfs.js";
import type { PropertySelection } from "../../explore/result.js";
import type { Model } from "../../model/model.js";

export interface CheckRun {
  readonly model: Model;
  readonly result: BfsResult;
  readonly selection: PropertySelection;
  /** Whether the search went on past violations (--continue). */
  readonly continued: boolean;
}
