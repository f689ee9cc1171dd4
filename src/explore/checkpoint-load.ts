// Opening a checkpoint to resume: the file's envelope and checksums (checkpoint-file.ts), its format,
// and whether it is a checkpoint of this very search (checkpoint.ts). Throws CheckpointFileError
// with one sentence; the API layer adds the file's name and makes it a usage error.

import { CHECKPOINT_FORMAT, identityMismatch, type CheckpointIdentity } from "./checkpoint.js";
import { CheckpointFileError, openCheckpointFile, type CheckpointReader } from "./checkpoint-file.js";
import type { CheckpointHeader } from "./checkpoint-writer.js";

export interface LoadedCheckpoint {
  readonly file: string;
  readonly reader: CheckpointReader;
  readonly header: CheckpointHeader;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Opens `file` as a checkpoint of the search `identity`; the caller closes `reader`. */
export function loadCheckpoint(file: string, identity: CheckpointIdentity): LoadedCheckpoint {
  const reader = openCheckpointFile(file);
  try {
    const h = reader.header;
    if (!isObject(h) || typeof h.format !== "number") throw new CheckpointFileError("the checkpoint is corrupt (its header has no format)");
    if (h.format !== CHECKPOINT_FORMAT) throw new CheckpointFileError(`a checkpoint in format ${h.format}; this stakecheck reads format ${CHECKPOINT_FORMAT}`);
    if (!isObject(h.identity) || !isObject(h.engine) || (h.mode !== "single" && h.mode !== "parallel") || !isObject(h[h.mode])) {
      throw new CheckpointFileError("the checkpoint is corrupt (its header is incomplete)");
    }
    const id = h.identity;
    if (typeof id.version !== "string" || !isObject(id.spec) || !isObject(id.consts) || !isObject(id.search)) {
      throw new CheckpointFileError("the checkpoint is corrupt (it does not say which search it is of)");
    }
    const why = identityMismatch(id as unknown as CheckpointIdentity, identity);
    if (why) throw new CheckpointFileError(why);
    return { file, reader, header: h as unknown as CheckpointHeader };
  } catch (e) {
    reader.close();
    throw e;
  }
}
