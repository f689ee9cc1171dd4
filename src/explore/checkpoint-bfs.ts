// The single-threaded search (src/explore/bfs.ts) in a checkpoint, and back. It is taken between two
// chunks of a level, where the engine is at rest (every successor batch flushed): the states of the
// current level not yet expanded, the next level found so far, the trace, the seen-set, the
// engine's counts and violations, and the model's coverage counters.

import type { Model } from "../model/model.js";
import type { LoadedCheckpoint } from "./checkpoint-load.js";
import type { EngineState } from "./checkpoint.js";
import { CheckpointFileError, type SectionSource } from "./checkpoint-file.js";
import { ints, restoreSeen, seenSections } from "./checkpoint-seen.js";
import type { CheckpointHeader } from "./checkpoint-writer.js";
import type { Engine } from "./engine.js";
import { snapshotCoverage } from "./result.js";
import type { SeenSet } from "./seen.js";
import type { LocalLevels } from "./store.js";

export interface SingleSearch {
  readonly model: Model;
  readonly seen: SeenSet;
  readonly levels: LocalLevels;
  readonly eng: Engine;
  readonly words: number;
}

export function engineState(eng: Engine, model: Model, depth: number, seconds: number): EngineState {
  return {
    generated: eng.generated,
    added: eng.added,
    orbits: eng.orbits,
    anchors: eng.anchors.map((a) => ({ found: a.found, state: a.state, inst: a.inst })),
    coverage: snapshotCoverage(model),
    seconds,
    depth,
  };
}

/** The search at level `depth`, whose states numbered `base + from` on are not yet expanded. */
export function captureSingle(x: SingleSearch, depth: number, base: number, from: number, seconds: number): { header: Omit<CheckpointHeader, "format" | "identity">; sections: SectionSource[] } {
  const { levels, seen } = x;
  const seenPart = seenSections(seen);
  const trace = levels.trace.parts();
  return {
    header: {
      mode: "single",
      engine: engineState(x.eng, x.model, depth, seconds),
      single: { base: base + from, words: x.words, cur: levels.cur.count - from, next: levels.next.count, trace: levels.trace.length, seen: seenPart.meta },
    },
    sections: [
      ...seenPart.sections,
      { name: "trace.parents", parts: trace.parents },
      { name: "trace.vias", parts: trace.vias },
      { name: "queue.cur", parts: levels.cur.parts(from) },
      { name: "queue.next", parts: levels.next.parts(0) },
    ],
  };
}

/** Restores the engine's counts, violations and the model's coverage (the engine is fresh). */
export function restoreEngine(e: EngineState, eng: Engine, model: Model): void {
  eng.generated = e.generated;
  eng.added = e.added;
  eng.orbits = e.orbits;
  for (const a of e.anchors) {
    eng.anchors.push(a);
    eng.checks.report(a.found.property);
  }
  const c = model.coverage;
  c.fired.set(e.coverage.fired);
  c.disabled.set(e.coverage.disabled);
  c.requireHeld.set(e.coverage.requireHeld);
  c.requireFailed.set(e.coverage.requireFailed);
}

/** Puts a fresh search (empty levels, seen-set and engine) where the checkpoint left it; returns
 * the depth, the number of the current level's first state, and the seconds searched before. */
export function restoreSingle(ck: LoadedCheckpoint, x: SingleSearch): { depth: number; base: number; seconds: number } {
  const h = ck.header;
  const l = h.single;
  if (h.mode !== "single" || !l) throw new CheckpointFileError("the checkpoint is of a parallel search");
  if (l.words !== x.words) throw new CheckpointFileError("the checkpoint is corrupt (its states are not this model's width)");
  restoreSeen(l.seen, ck.reader, x.seen);
  const parents = ints(ck.reader.section("trace.parents"));
  const viaBytes = ck.reader.section("trace.vias");
  const vias = x.model.instanceCount < 255 ? viaBytes : x.model.instanceCount < 65535 ? new Uint16Array(viaBytes.buffer, 0, viaBytes.byteLength >> 1) : ints(viaBytes);
  if (parents.length !== l.trace || vias.length !== l.trace) throw new CheckpointFileError("the checkpoint is corrupt (its trace has the wrong length)");
  x.levels.trace.restore(parents, vias);
  // The level being expanded goes to `next` first: swap() makes it the current one.
  const cur = ints(ck.reader.section("queue.cur"));
  const next = ints(ck.reader.section("queue.next"));
  if (cur.length !== l.cur * l.words || next.length !== l.next * l.words) throw new CheckpointFileError("the checkpoint is corrupt (its queues have the wrong length)");
  x.levels.next.pushAll(cur, l.cur);
  x.levels.swap();
  x.levels.next.pushAll(next, l.next);
  restoreEngine(h.engine, x.eng, x.model);
  let depth = h.engine.depth;
  // Taken at the end of a level: start the next one, as the search loop would have.
  if (x.levels.cur.count === 0 && x.levels.next.count > 0) {
    x.levels.swap();
    depth++;
  }
  return { depth, base: l.base, seconds: h.engine.seconds };
}
