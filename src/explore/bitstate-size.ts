// `--bitstate` without a size: the bit array is sized from the expected state count, 32 bits per
// state (Spin's "hash factor" 32: with 3 bits per state, an estimated coverage above 99.9 %). The
// expected count is what bounds the space: the states the slots' types allow, and --max-states.
// It is at least 1 MiB and at most the memory ceiling (and the 512 MiB a 32-bit position reaches).
// Bitstate only pays when the exact table would not fit in memory (docs/performance.md): a space
// whose bound fits gets an array no larger than it needs.

import type { Model } from "../model/model.js";
import { makePacker } from "./pack.js";
import { MAX_BITSTATE_BITS } from "./seen.js";

export const BITSTATE_BITS_PER_STATE = 32;
const MIN_BITS = 8 * 2 ** 20;

/** The expected number of states: the types' bound, or --max-states if smaller. */
export function expectedStates(model: Model, maxStates?: number): number {
  const bound = 2 ** makePacker(model.layout).bits;
  return Math.min(bound, maxStates ?? Infinity);
}

/** Bits of the bit array for `--bitstate` without a size. */
export function bitstateBitsFor(model: Model, memoryBytes: number, maxStates?: number): number {
  const want = expectedStates(model, maxStates) * BITSTATE_BITS_PER_STATE;
  const most = Math.min(MAX_BITSTATE_BITS, memoryBytes * 8);
  return Math.max(Math.min(MIN_BITS, most), Math.min(want, most));
}
