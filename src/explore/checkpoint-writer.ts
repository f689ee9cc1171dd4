// When to write a checkpoint, and writing it without losing the search: a failed write (a full
// disk, a directory that went away) is recorded and the search goes on; the next one is tried at
// the next interval.

import { CHECKPOINT_FORMAT, type CheckpointIdentity, type CheckpointPlan, type CheckpointReport, type EngineState } from "./checkpoint.js";
import { writeCheckpointFile, type SectionSource } from "./checkpoint-file.js";
import type { SeenMeta } from "./checkpoint-seen.js";

/** A single-threaded search between two chunks of level `engine.depth`: the current level's states
 * from number `base` on are still to expand (`cur` of them), `next` states of the next level are
 * found, and the trace holds `trace` entries. */
export interface SingleLayout {
  readonly base: number;
  readonly words: number;
  readonly cur: number;
  readonly next: number;
  readonly trace: number;
  readonly seen: SeenMeta;
}

/** A parallel search at the barrier before level `engine.depth`: the shared buffers' figures. */
export interface ParallelLayout {
  readonly words: number;
  readonly block: number;
  readonly direct: boolean;
  /** Fingerprint table capacity (slots); 0 for a direct bitmap. */
  readonly cap: number;
  readonly curBase: number;
  readonly curBlocks: number;
  readonly curStates: number;
  /** The control words that record which properties have been reported. */
  readonly reported: readonly number[];
  readonly viaBytes: 1 | 2 | 4;
}

export interface CheckpointHeader {
  readonly format: number;
  readonly identity: CheckpointIdentity;
  readonly mode: "single" | "parallel";
  readonly engine: EngineState;
  readonly single?: SingleLayout;
  readonly parallel?: ParallelLayout;
}

export class CheckpointWriter {
  private last: number;
  private written = 0;
  private bytes = 0;
  private seconds = 0;
  private cpuSeconds = 0;
  private lastCpuSeconds = 0;
  private depth = 0;
  private failed: string | undefined;

  constructor(
    private readonly plan: CheckpointPlan,
    private readonly resumed?: CheckpointReport["resumed"],
  ) {
    this.last = performance.now();
  }

  /** Whether the interval has passed since the start or the last checkpoint. */
  due(now = performance.now()): boolean {
    return now - this.last >= this.plan.everyMs;
  }

  /** Writes one checkpoint; never throws for a failed write (the search must go on). */
  write(header: Omit<CheckpointHeader, "format" | "identity">, sections: readonly SectionSource[]): void {
    const t = performance.now();
    const cpu = process.cpuUsage();
    try {
      this.bytes = writeCheckpointFile(this.plan.file, { format: CHECKPOINT_FORMAT, identity: this.plan.identity, ...header }, sections);
      this.written++;
      this.depth = header.engine.depth;
      this.failed = undefined;
    } catch (e) {
      // The disk refused (ENOSPC, EACCES, ENOENT...): say so, and keep searching. Anything else is a bug.
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code !== "string") throw e;
      this.failed = code;
    }
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    this.lastCpuSeconds = (used.user + used.system) / 1e6;
    this.cpuSeconds += this.lastCpuSeconds;
    this.seconds += (now - t) / 1000;
    this.last = now;
  }

  /** Seconds spent writing so far (the search stood still meanwhile). */
  get secondsWriting(): number {
    return this.seconds;
  }

  report(): CheckpointReport {
    return {
      file: this.plan.file,
      written: this.written,
      bytes: this.bytes,
      seconds: this.seconds,
      cpuSeconds: this.cpuSeconds,
      lastCpuSeconds: this.lastCpuSeconds,
      depth: this.depth,
      ...(this.failed !== undefined ? { failed: this.failed } : {}),
      ...(this.resumed ? { resumed: this.resumed } : {}),
    };
  }
}
