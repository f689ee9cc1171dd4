// Checkpoint and resume for long exhaustive searches (`check --checkpoint FILE --every 5m`,
// `check --resume FILE`). A checkpoint holds the whole state of a breadth-first search at a point
// where it is at rest (single-threaded: between two chunks of a level; parallel: at a level
// barrier): the seen-set, the states left to expand, the parent/instance trace that rebuilds
// shortest counterexamples, the counts, the coverage and the violations found so far. A resumed
// search continues to the same final counts, verdicts and counterexamples as an uninterrupted one.
//
// A checkpoint is only resumed by the same search: the same stakecheck version, the same spec text
// (its sha256), the same consts and the same options that shape the search; anything else is refused
// with one sentence (src/api/checkpoint.ts turns it into a usage error, exit 2).

import { createHash } from "node:crypto";
import type { Model } from "../model/model.js";
import type { Anchor } from "./engine.js";
import type { CoverageSnapshot, PropertySelection } from "./result.js";

export const CHECKPOINT_FORMAT = 1;

/** What makes two searches the same search. */
export interface CheckpointIdentity {
  readonly version: string;
  readonly spec: { readonly name: string; readonly sha256: string };
  readonly consts: Readonly<Record<string, number | boolean>>;
  readonly search: {
    readonly exact: boolean;
    /** Bits of the --bitstate array, or null. */
    readonly bitstate: number | null;
    readonly symmetry: boolean;
    readonly continue: boolean;
    /** The properties checked (--invariant), by name, in the spec's order. */
    readonly properties: readonly string[];
    readonly maxStates: number | null;
    readonly maxDepth: number | null;
  };
}

/** Where and how often to write checkpoints. */
export interface CheckpointPlan {
  readonly file: string;
  /** Milliseconds between checkpoints (the first is written this long after the start). */
  readonly everyMs: number;
  readonly identity: CheckpointIdentity;
}

/** What a report says about checkpoints written (and the one resumed from). */
export interface CheckpointReport {
  readonly file?: string;
  /** Checkpoints written by this run. */
  readonly written: number;
  /** Bytes of the last one written. */
  readonly bytes: number;
  /** Wall-clock seconds spent writing them, the search standing still. */
  readonly seconds: number;
  /** CPU seconds the process spent writing them (copying to the OS, checksums). */
  readonly cpuSeconds: number;
  /** CPU seconds of the last one (the largest: the search only grows). */
  readonly lastCpuSeconds: number;
  /** Depth (levels) at the last one written. */
  readonly depth: number;
  /** A write that failed (the search went on without it): the error, in words. */
  readonly failed?: string;
  readonly resumed?: { readonly file: string; readonly mode: "single" | "parallel"; readonly depth: number; readonly distinct: number; readonly seconds: number };
}

/** The engine's figures at a checkpoint: what the counts, coverage and verdicts are made of. */
export interface EngineState {
  readonly generated: number;
  readonly added: number;
  readonly orbits: number;
  readonly anchors: readonly Anchor[];
  readonly coverage: CoverageSnapshot;
  /** Seconds of search before this point (all runs so far). */
  readonly seconds: number;
  readonly depth: number;
}

export function selectedNames(model: Model, selection: PropertySelection): string[] {
  return [...model.spec.invariants.filter((_, k) => selection.invariants[k]).map((p) => p.name), ...model.spec.steps.filter((_, k) => selection.steps[k]).map((p) => p.name)];
}

/** The identity of a search of `model` with these options. */
export function identityOf(
  model: Model,
  version: string,
  o: { exact?: boolean; bitstate?: number; symmetry?: boolean; continueAfterViolation?: boolean; maxStates?: number; maxDepth?: number },
  selection: PropertySelection,
): CheckpointIdentity {
  const consts: Record<string, number | boolean> = {};
  for (const c of model.spec.consts) consts[c.name] = c.value;
  return {
    version,
    spec: { name: model.spec.name, sha256: createHash("sha256").update(model.spec.file.text, "utf8").digest("hex") },
    consts,
    search: {
      exact: o.exact ?? false,
      bitstate: o.bitstate ?? null,
      symmetry: o.symmetry !== false,
      continue: o.continueAfterViolation ?? false,
      properties: selectedNames(model, selection),
      maxStates: o.maxStates !== undefined && Number.isFinite(o.maxStates) ? o.maxStates : null,
      maxDepth: o.maxDepth !== undefined && Number.isFinite(o.maxDepth) ? o.maxDepth : null,
    },
  };
}

function constsText(c: Readonly<Record<string, number | boolean>>): string {
  const e = Object.entries(c);
  return e.length ? e.map(([k, v]) => `${k} = ${v}`).join(", ") : "no consts";
}

function optionText(k: keyof CheckpointIdentity["search"], v: unknown): string {
  switch (k) {
    case "exact":
      return v ? "--exact" : "no --exact";
    case "bitstate":
      return v === null ? "no --bitstate" : `--bitstate of ${Number(v) / 8} bytes`;
    case "symmetry":
      return v ? "symmetry reduction" : "--no-symmetry";
    case "continue":
      return v ? "--continue" : "no --continue";
    case "properties":
      return `the properties ${(v as string[]).join(", ") || "(none)"}`;
    case "maxStates":
      return v === null ? "no --max-states" : `--max-states ${v}`;
    case "maxDepth":
      return v === null ? "no --max-depth" : `--max-depth ${v}`;
  }
}

/** Why a checkpoint with identity `saved` cannot continue the search `now`, or null if it can. */
export function identityMismatch(saved: CheckpointIdentity, now: CheckpointIdentity): string | null {
  if (saved.version !== now.version) return `a checkpoint of stakecheck ${saved.version}; this is stakecheck ${now.version}, which resumes only its own checkpoints`;
  if (saved.spec.name !== now.spec.name || saved.spec.sha256 !== now.spec.sha256) {
    return `a checkpoint of another spec (\`${saved.spec.name}\`, sha256 ${saved.spec.sha256.slice(0, 12)}…), not of this one as it is now (\`${now.spec.name}\`, sha256 ${now.spec.sha256.slice(0, 12)}…)`;
  }
  if (JSON.stringify(Object.entries(saved.consts).sort()) !== JSON.stringify(Object.entries(now.consts).sort())) {
    return `a checkpoint with ${constsText(saved.consts)}; this run has ${constsText(now.consts)}`;
  }
  for (const k of Object.keys(saved.search) as (keyof CheckpointIdentity["search"])[]) {
    if (JSON.stringify(saved.search[k]) !== JSON.stringify(now.search[k])) {
      return `a checkpoint of a search with ${optionText(k, saved.search[k])}; this run has ${optionText(k, now.search[k])} (resume with the options it was started with)`;
    }
  }
  return null;
}
