// Checkpoint and resume at the API's level: the plan of a search that writes checkpoints, and the
// checkpoint a search resumes from, opened and checked against the search about to run. Every
// problem with the file is a usage error naming it (exit 2 in the CLI).

import { identityOf, type CheckpointPlan } from "../explore/checkpoint.js";
import { CheckpointFileError } from "../explore/checkpoint-file.js";
import { loadCheckpoint, type LoadedCheckpoint } from "../explore/checkpoint-load.js";
import type { PropertySelection } from "../explore/result.js";
import { InputError } from "../lang/read.js";
import type { Model } from "../model/model.js";
import { VERSION } from "../version.js";
import type { CheckOptions } from "./check.js";

export interface CheckpointSetup {
  readonly checkpoint?: CheckpointPlan;
  readonly resume?: LoadedCheckpoint;
}

/** The checkpoint plan and the opened checkpoint for a search; throws InputError. */
export function setUpCheckpoints(model: Model, selection: PropertySelection, o: CheckOptions): CheckpointSetup {
  if (!o.checkpointFile && !o.resumeFile) return {};
  const identity = identityOf(model, VERSION, o, selection);
  let resume: LoadedCheckpoint | undefined;
  if (o.resumeFile) {
    try {
      resume = loadCheckpoint(o.resumeFile, identity);
    } catch (e) {
      if (e instanceof CheckpointFileError) throw new InputError(`${o.resumeFile}: ${e.message}`);
      throw e;
    }
  }
  return {
    ...(o.checkpointFile ? { checkpoint: { file: o.checkpointFile, everyMs: o.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS, identity } } : {}),
    ...(resume ? { resume } : {}),
  };
}

export const DEFAULT_CHECKPOINT_EVERY_MS = 5 * 60_000;

/** Runs a search that may restore a checkpoint: a checkpoint that turns out unusable while it is
 * restored (a section that fails its checksum) is a usage error naming the file. */
export async function withCheckpointErrors<T>(file: string | undefined, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CheckpointFileError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

export function withCheckpointErrorsSync<T>(file: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CheckpointFileError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}
