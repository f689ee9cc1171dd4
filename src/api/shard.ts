// Sharded fuzzing: n independent shards of one campaign (`fuzz --shard k/n --seed S --runs R`).
// Shard k walks with its own seed, derived from the campaign's seed, and does its share of the
// campaign's runs; the shards' JSON reports are combined by `stakecheck merge` (src/api/merge.ts).
// A shard is reproducible alone: the same campaign seed, runs and k/n give the same shard, and so
// do its own seed and share as a plain `fuzz --seed --runs`.

import { DEFAULT_RUNS } from "../explore/random.js";
import { InputError } from "../lang/read.js";

/** Shard `index` (1-based) of `count`. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** What a shard's report records, so a merge can tell the shards of one campaign apart. */
export interface ShardInfo extends ShardSpec {
  /** The campaign's seed (every shard's is derived from it). */
  readonly campaignSeed: number;
  /** The campaign's runs, all shards together. */
  readonly campaignRuns: number;
}

export const MAX_SHARDS = 1024;

/** splitmix32's finaliser: a bijection of 32-bit integers that mixes every bit into every bit. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Shard k's seed. Distinct shards of one campaign always get distinct seeds: k -> mix(S) + k * G
 * (mod 2^32, G odd) is one-to-one in k, and mixing once more keeps it so while making seeds of
 * neighbouring shards unrelated. Seeds go through the walker's own splitmix seeding as well.
 */
export function shardSeed(campaignSeed: number, index: number): number {
  return mix32((mix32(campaignSeed) + Math.imul(index, 0x9e3779b9)) | 0);
}

/** Shard k's share of the campaign's runs: the shares differ by at most one and sum to `runs`. */
export function shardRuns(runs: number, shard: ShardSpec): number {
  return Math.floor((runs * shard.index) / shard.count) - Math.floor((runs * (shard.index - 1)) / shard.count);
}

/** `k/n`, or why not. */
export function parseShard(text: string): ShardSpec | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return { error: `--shard ${text}: expected K/N, e.g. 2/4 (shard 2 of 4)` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return { error: `--shard ${text}: the number of shards must be 1 to ${MAX_SHARDS}` };
  if (index < 1 || index > count) return { error: `--shard ${text}: shards are numbered 1 to ${count}` };
  return { index, count };
}

/** `--shard K/N` with the campaign's `--seed` and `--runs`; throws InputError when they do not make
 * a campaign (no seed: each shard would draw its own, and the shards would not be one campaign). */
export function shardOption(text: string, seed: number | undefined, runs: number | undefined): ShardSpec {
  const shard = parseShard(text);
  if ("error" in shard) throw new InputError(shard.error);
  if (seed === undefined) throw new InputError(`--shard ${text} needs --seed S: the campaign's seed, the same in every shard`);
  const total = runs ?? DEFAULT_RUNS;
  if (total < shard.count) throw new InputError(`--shard ${text}: --runs ${total} is fewer than one run per shard`);
  return shard;
}
