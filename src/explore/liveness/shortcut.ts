// A sufficient condition for "no fair cycle in H", tested by two sequential scans before the fair-
// cycle search's depth-first search (src/explore/liveness/fair-cycles.ts): some fair group (weak
// or strong) is enabled in every state of H and no edge of it stays inside H, so every cycle of H
// fails its fairness. It is the usual reason a leads-to holds (`fair action withdraw` is enabled
// while `pending[a] > 0` and makes it 0), and it costs two passes in memory order instead of a
// search in depth-first order.

import type { Fairness } from "./fairness.js";
import type { StateGraph } from "./graph.js";

/**
 * `inH[s]` is 0 for the states of H (the search's `idx` before it starts); `enabled` holds, per
 * state, W words of the groups enabled in it; `cand` is W words of scratch.
 */
export function everyCycleUnfair(graph: StateGraph, fairness: Fairness, inH: Int32Array, enabled: Int32Array, W: number, cand: Int32Array): boolean {
  if (enabled.length === 0) return false;
  const G = fairness.groups.length;
  cand.fill(0);
  for (let g = 0; g < G; g++) cand[g >> 5] |= 1 << (g & 31);
  const expanded = graph.expanded;
  let any = G > 0;
  for (let s = 0; s < expanded && any; s++) {
    if (inH[s] !== 0) continue;
    any = false;
    for (let w = 0; w < W; w++) {
      cand[w] &= enabled[s * W + w];
      any ||= cand[w] !== 0;
    }
  }
  if (!any) return false;
  const { offsets, targets, insts } = graph;
  const groupOf = fairness.groupOf;
  for (let s = 0; s < expanded; s++) {
    if (inH[s] !== 0) continue;
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const g = groupOf[insts[e]];
      if (g < 0 || (cand[g >> 5] & (1 << (g & 31))) === 0 || inH[targets[e]] !== 0) continue;
      cand[g >> 5] &= ~(1 << (g & 31));
      any = false;
      for (let w = 0; w < W; w++) any ||= cand[w] !== 0;
      if (!any) return false;
    }
  }
  return true;
}
