// What the parallel search's main thread and workers share: the layout of the control words and
// the buffers. Every buffer is a SharedArrayBuffer reserved at its largest size (the memory
// ceiling's share); the OS commits a page only when it is first written, so what is resident is
// what is used.

import type { PropertySelection } from "./result.js";

/** Control words (an Int32Array over `ctrl`). */
export const C = {
  GEN: 0, // barrier generation
  ARRIVED: 1, // workers arrived at the barrier
  PHASE: 2, // what to do after the barrier (PHASE_*)
  STOP: 3, // 1: stop at the next barrier
  GROW: 4, // 1: a worker asked for a bigger fingerprint table
  CAP: 5, // fingerprint table capacity in use (slots)
  DEPTH: 6, // levels so far (TLC's diameter)
  LIMIT: 7, // why the search stopped early (LIMIT_*)
  CLAIM: 8, // next block of the current level to claim
  CUR_BLOCKS: 9, // blocks in the current level
  NEXT_BLOCKS: 10, // blocks claimed so far for the next level
  CUR_BASE: 11, // number of the current level's first slot
  ARENA: 12, // which queue arena holds the current level (0 or 1)
  CUR_STATES: 13, // states in the current level
  READY: 14, // workers that have compiled the spec
  OLD_CAP: 15, // during PHASE_REHASH: the capacity of the old table copied to `scratch`
  CKPT: 16, // 1: the main thread asks for a checkpoint at the next level barrier
  CKPT_GEN: 17, // checkpoints written: workers paused at PHASE_CHECKPOINT wait for it to change
  REPORTED: 18, // bit per property reported (invariants, then steps, then well_typed)
} as const;

export const PHASE_CONTINUE = 0;
export const PHASE_LEVEL = 1;
export const PHASE_FINISH = 2;
export const PHASE_REHASH = 3;
/** PHASE_LEVEL, after every worker has sent its part of a checkpoint and the main thread wrote it. */
export const PHASE_CHECKPOINT = 4;

export const LIMIT_NONE = 0;
export const LIMIT_STATES = 1;
export const LIMIT_DEPTH = 2;
export const LIMIT_MEMORY = 3;
export const LIMIT_INTERRUPTED = 4;

/** Per-worker words, after the reported-property bits. */
export const W = {
  ADDED: 0, // distinct states this worker added
  GENERATED: 1, // successors computed (the initial state counts for worker 0)
  DONE: 2, // 1: finished the current level
  LEFT: 3, // states of the current level it did not expand (when stopping early)
  SIZE: 4,
} as const;

export function reportedWords(properties: number): number {
  return Math.ceil((properties + 1) / 32);
}

export function workerBase(properties: number, w: number): number {
  return C.REPORTED + reportedWords(properties) + w * W.SIZE;
}

export function ctrlWords(properties: number, workers: number): number {
  return workerBase(properties, workers);
}

export interface SharedBuffers {
  readonly ctrl: SharedArrayBuffer;
  /** Float64: [0] the time (ms since the epoch) at which every worker was ready to search. */
  readonly clock: SharedArrayBuffer;
  /** Fingerprint table (2 words per slot) or direct bitmap. */
  readonly table: SharedArrayBuffer;
  readonly direct: boolean;
  readonly maxCap: number;
  /** Where the table is copied while the workers rehash it into its bigger self (half of maxCap). */
  readonly scratch: SharedArrayBuffer;
  /** Parent number and instance of every slot. */
  readonly parent: SharedArrayBuffer;
  readonly via: SharedArrayBuffer;
  readonly viaBytes: 1 | 2 | 4;
  readonly maxIds: number;
  /** Two level arenas of packed states, and the fill count of each block of each. */
  readonly arenas: readonly [SharedArrayBuffer, SharedArrayBuffer];
  readonly fills: readonly [SharedArrayBuffer, SharedArrayBuffer];
  readonly maxBlocks: number;
  readonly block: number;
}

export interface WorkerInput {
  readonly index: number;
  readonly workers: number;
  /** The checked IR (structured-cloned: the worker compiles it without parsing anything). */
  readonly spec: import("../ir/ir.js").Spec;
  readonly selection: PropertySelection;
  readonly continueAll: boolean;
  readonly symmetry: boolean;
  readonly maxStates: number;
  readonly maxDepth: number;
  readonly memoryBytes: number;
  readonly buffers: SharedBuffers;
  /** Resuming from a checkpoint: the shared buffers hold its search; worker 0 takes its counts. */
  readonly resumed: boolean;
  readonly resume?: import("./checkpoint.js").EngineState;
}

export interface WorkerOutput {
  readonly kind: "done";
  readonly anchors: { found: import("./checks.js").Found; state: number; inst: number }[];
  readonly coverage: { fired: number[]; disabled: number[]; requireHeld: number[]; requireFailed: number[] };
  readonly generated: number;
  readonly added: number;
  readonly orbits: number;
}

/** A worker's part of a checkpoint, sent at PHASE_CHECKPOINT (what is not in shared memory). */
export interface WorkerCheckpoint {
  readonly kind: "checkpoint";
  readonly generated: number;
  readonly added: number;
  readonly orbits: number;
  readonly anchors: WorkerOutput["anchors"];
  readonly coverage: WorkerOutput["coverage"];
}

export function viaArray(buf: SharedArrayBuffer, bytes: 1 | 2 | 4): Uint8Array | Uint16Array | Int32Array {
  return bytes === 1 ? new Uint8Array(buf) : bytes === 2 ? new Uint16Array(buf) : new Int32Array(buf);
}
