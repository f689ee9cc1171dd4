// What `fuzz` returns (types only: the runner, src/api/fuzz.ts, and the formatters,
// src/report/fuzz-text.ts and run-result.ts, both import this).

import type { MinimizeResult } from "../../explore/minimize.js";
import type { WalkResult } from "../../explore/random.js";
import type { PropertySelection, Violation } from "../../explore/result.js";
import type { ShrinkResult } from "../../explore/shrink.js";
import type { LassoWalkResult } from "../../explore/liveness/walks.js";
import type { Model } from "../../model/model.js";
import type { ShardInfo } from "../shard.js";

export interface FuzzRun {
  readonly model: Model;
  readonly selection: PropertySelection;
  readonly seed: number;
  readonly runs: number;
  readonly depth: number;
  readonly swarm: boolean;
  readonly walk: WalkResult;
  /** The reported counterexample (shrunk and minimized), if a walk found a violation. */
  readonly violation?: Violation;
  /** The violation as the walk found it. */
  readonly found?: Violation;
  readonly shrink?: ShrinkResult;
  readonly minimize?: MinimizeResult;
  /** Set when the run is one shard of a campaign (`seed` and `runs` are then the shard's own). */
  readonly shard?: ShardInfo;
  /** Liveness: the walks that look for lassos (after the invariant walks found nothing). */
  readonly lassoWalk?: LassoWalkResult;
}
