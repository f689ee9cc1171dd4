// `check --checkpoint FILE [--every DURATION]` and `check --resume FILE`: parsed and checked here, so
// the check command only passes them on (src/api/checkpoint.ts does the work).

import type { CheckOptions } from "../api/check.js";
import { InputError } from "../lang/read.js";
import { parseDuration } from "./commands/fuzz.js";

export interface CheckpointCliOptions {
  readonly checkpoint?: string;
  readonly every?: string;
  readonly resume?: string;
}

/** The API's checkpoint options; throws InputError for a combination that cannot work. */
export function checkpointOptions(o: CheckpointCliOptions, files: readonly string[], configurations: number): Pick<CheckOptions, "checkpointFile" | "checkpointEveryMs" | "resumeFile"> {
  if (o.every !== undefined && o.checkpoint === undefined) throw new InputError("--every says how often to write a checkpoint: give --checkpoint FILE too");
  if (o.checkpoint === undefined && o.resume === undefined) return {};
  const flag = o.checkpoint !== undefined ? "--checkpoint" : "--resume";
  if (files.length > 1) throw new InputError(`${flag} holds the search of one spec: check ${files.length} specs one at a time`);
  if (configurations > 1) throw new InputError(`${flag} holds the search of one configuration: a --const sweep cannot be checkpointed`);
  const everyMs = o.every !== undefined ? parseDuration("--every", o.every) : undefined;
  return {
    ...(o.checkpoint !== undefined ? { checkpointFile: o.checkpoint } : {}),
    ...(everyMs !== undefined ? { checkpointEveryMs: everyMs } : {}),
    ...(o.resume !== undefined ? { resumeFile: o.resume } : {}),
  };
}
