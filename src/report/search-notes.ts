// The lines a check report adds for how the search ran: workers, symmetry reduction (with the
// unreduced count), bitstate coverage.

import type { BfsResult } from "../explore/bfs.js";

function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function size(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Math.round(bytes / 2 ** 10)} KiB`;
}

export function searchNotes(result: BfsResult): string[] {
  const lines: string[] = [];
  const s = result.stats;
  if (result.workers > 1) lines.push(`${result.workers} workers, ${size(s.bytes)} of tables (${(s.bytes / Math.max(1, s.distinct)).toFixed(1)} bytes per state)`);
  const auto = result.auto;
  if (auto && result.workers < auto.cores) {
    lines.push(`${result.workers} worker${result.workers === 1 ? "" : "s"} (--workers auto: other processes kept ${auto.othersCores.toFixed(1)} of ${auto.cores} cores busy while the search started)`);
  }
  const sym = result.symmetry;
  if (sym) {
    const factor = sym.fullStates / Math.max(1, s.distinct);
    lines.push(
      `symmetry (${sym.types.map((t) => `\`${t}\``).join(", ")}, ${count(sym.group)} permutations): ${count(s.distinct)} canonical states stand for ${count(sym.fullStates)} states of the unreduced model (${factor.toFixed(1)}x fewer)`,
    );
  }
  const b = result.bitstate;
  if (b) {
    lines.push(
      `bitstate: ${size(b.bits / 8)} bit array, ${b.hashes} bits per state, hash factor ${b.hashFactor.toFixed(0)}; estimated coverage ${(b.coverage * 100).toFixed(b.coverage > 0.9999 ? 4 : 2)}% (states may have been missed)`,
    );
  }
  // Bitstate is slower and no smaller than the exact table wherever that fits: suggest it only
  // when it did not (liveness needs every state, so never there).
  if (result.limit?.kind === "memory" && !b && !result.liveness) {
    lines.push("the exact table does not fit under the memory ceiling: raise --memory, or `--bitstate` explores most of the space in a bit array (states may be missed)");
  }
  const ck = result.checkpoint;
  if (ck?.resumed) {
    const r = ck.resumed;
    const how = r.mode === "single" ? "a single-threaded search, resumed on one thread" : "a parallel search";
    lines.push(`resumed from ${r.file} (${how}): depth ${r.depth}, ${count(r.distinct)} distinct states, ${r.seconds.toFixed(1)} s searched before`);
  }
  if (ck?.file !== undefined) {
    if (ck.written > 0) lines.push(`checkpoint: ${ck.file}, written ${ck.written === 1 ? "once" : `${ck.written} times`} (the last at depth ${ck.depth}, ${size(ck.bytes)}, ${ck.lastCpuSeconds.toFixed(2)} CPU s; in all ${ck.seconds.toFixed(1)} s, ${ck.cpuSeconds.toFixed(2)} CPU s)`);
    else if (ck.failed === undefined) lines.push(`checkpoint: none written to ${ck.file} (the search took less than the interval)`);
    if (ck.failed !== undefined) lines.push(`checkpoint: could not write ${ck.file} (${ck.failed}); the search went on without it`);
  }
  return lines;
}
