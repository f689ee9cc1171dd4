// The parallel search (src/explore/parallel.ts) in a checkpoint, and back. It is taken at the
// barrier where the workers move to the next level (PHASE_CHECKPOINT): the level to expand is whole
// in one arena, the other is empty, and every worker has sent what is not in shared memory (its
// counts, violations and coverage). The main thread writes the shared buffers as they are:
// the fingerprint table (or bitmap), the parent/instance of every slot so far, the level's states
// and the fill of each of its blocks.

import type { EngineState } from "./checkpoint.js";
import { CheckpointFileError, type SectionSource } from "./checkpoint-file.js";
import type { LoadedCheckpoint } from "./checkpoint-load.js";
import { ints } from "./checkpoint-seen.js";
import type { CheckpointHeader, ParallelLayout } from "./checkpoint-writer.js";
import { C, PHASE_LEVEL, reportedWords, viaArray, type SharedBuffers, type WorkerCheckpoint } from "./parallel-shared.js";

/** The workers' parts, summed into the engine state of the whole search. */
export function sumParts(parts: readonly WorkerCheckpoint[], depth: number, seconds: number): EngineState {
  const sum = (f: (p: WorkerCheckpoint) => number) => parts.reduce((n, p) => n + f(p), 0);
  const cov = (k: keyof WorkerCheckpoint["coverage"]) => parts[0].coverage[k].map((_, i) => sum((p) => p.coverage[k][i]));
  return {
    generated: sum((p) => p.generated),
    added: sum((p) => p.added),
    orbits: sum((p) => p.orbits),
    anchors: parts.flatMap((p) => p.anchors),
    coverage: { fired: cov("fired"), disabled: cov("disabled"), requireHeld: cov("requireHeld"), requireFailed: cov("requireFailed") },
    seconds,
    depth,
  };
}

/** The search at the barrier before level `ctrl[DEPTH]`, from the shared buffers. */
export function captureParallel(
  b: SharedBuffers,
  ctrl: Int32Array,
  words: number,
  properties: number,
  parts: readonly WorkerCheckpoint[],
  seconds: number,
): { header: Omit<CheckpointHeader, "format" | "identity">; sections: SectionSource[] } {
  const arena = Atomics.load(ctrl, C.ARENA);
  const curBlocks = Atomics.load(ctrl, C.CUR_BLOCKS);
  const curBase = Atomics.load(ctrl, C.CUR_BASE);
  const ids = curBase + curBlocks * b.block;
  const cap = b.direct ? 0 : Atomics.load(ctrl, C.CAP);
  const reported: number[] = [];
  for (let k = 0; k < reportedWords(properties); k++) reported.push(Atomics.load(ctrl, C.REPORTED + k));
  const layout: ParallelLayout = { words, block: b.block, direct: b.direct, cap, curBase, curBlocks, curStates: Atomics.load(ctrl, C.CUR_STATES), reported, viaBytes: b.viaBytes };
  return {
    header: { mode: "parallel", engine: sumParts(parts, Atomics.load(ctrl, C.DEPTH), seconds), parallel: layout },
    sections: [
      { name: "seen.table", parts: [b.direct ? new Int32Array(b.table) : new Int32Array(b.table, 0, cap * 2)] },
      { name: "trace.parents", parts: [new Int32Array(b.parent, 0, ids)] },
      { name: "trace.vias", parts: [viaArray(b.via, b.viaBytes).subarray(0, ids)] },
      { name: "level.states", parts: [new Int32Array(b.arenas[arena], 0, curBlocks * b.block * words)] },
      { name: "level.fills", parts: [new Int32Array(b.fills[arena], 0, curBlocks)] },
    ],
  };
}

/** Puts the checkpoint's search into freshly reserved shared buffers and control words (before the
 * workers start); returns the state worker 0 takes over. */
export function restoreParallel(ck: LoadedCheckpoint, b: SharedBuffers, ctrl: Int32Array, words: number): EngineState {
  const l = ck.header.parallel;
  if (ck.header.mode !== "parallel" || !l) throw new CheckpointFileError("the checkpoint is of a single-threaded search");
  if (l.words !== words || l.block !== b.block || l.direct !== b.direct || l.viaBytes !== b.viaBytes) {
    throw new CheckpointFileError("the checkpoint is corrupt (its layout is not this model's)");
  }
  const ids = l.curBase + l.curBlocks * l.block;
  if ((!l.direct && l.cap > b.maxCap) || ids > b.maxIds || l.curBlocks > b.maxBlocks) {
    throw new CheckpointFileError("the checkpoint's search does not fit in this run's memory ceiling; resume it with a larger --memory");
  }
  const table = ints(ck.reader.section("seen.table"));
  if (table.length !== (l.direct ? b.table.byteLength / 4 : l.cap * 2)) throw new CheckpointFileError("the checkpoint is corrupt (its seen-set has the wrong size)");
  new Int32Array(b.table).set(table);
  const parents = ints(ck.reader.section("trace.parents"));
  const vias = ck.reader.section("trace.vias");
  if (parents.length !== ids || vias.byteLength !== ids * l.viaBytes) throw new CheckpointFileError("the checkpoint is corrupt (its trace has the wrong length)");
  new Int32Array(b.parent).set(parents);
  new Uint8Array(b.via).set(vias);
  const states = ints(ck.reader.section("level.states"));
  const fills = ints(ck.reader.section("level.fills"));
  if (states.length !== l.curBlocks * l.block * words || fills.length !== l.curBlocks) throw new CheckpointFileError("the checkpoint is corrupt (its level has the wrong size)");
  new Int32Array(b.arenas[0]).set(states);
  new Int32Array(b.fills[0]).set(fills);
  Atomics.store(ctrl, C.CAP, l.cap);
  Atomics.store(ctrl, C.DEPTH, ck.header.engine.depth);
  Atomics.store(ctrl, C.CUR_BASE, l.curBase);
  Atomics.store(ctrl, C.CUR_BLOCKS, l.curBlocks);
  Atomics.store(ctrl, C.CUR_STATES, l.curStates);
  Atomics.store(ctrl, C.ARENA, 0);
  Atomics.store(ctrl, C.PHASE, PHASE_LEVEL);
  l.reported.forEach((w, k) => Atomics.store(ctrl, C.REPORTED + k, w));
  return ck.header.engine;
}
