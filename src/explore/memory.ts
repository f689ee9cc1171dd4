// The memory ceiling (`--memory`) bounds the whole process: its resident set, which holds the
// search's tables, Node's own heap and code, and every worker thread (they share the process). The
// tables' own byte counts miss the rest, and a table that grows needs its old and new copies at
// once, so the ceiling is checked against the resident set and, before a table grows, against what
// the growth will add.

/** A share of the ceiling kept free for what is allocated between two checks. */
export const MEMORY_HEADROOM = 0.04;

/** Bytes the process holds now (its resident set, every thread included). */
export function residentBytes(): number {
  return process.memoryUsage.rss();
}

/** Whether the process holds more than the ceiling allows now. */
export function overCeiling(ceiling: number): boolean {
  return residentBytes() > ceiling * (1 - MEMORY_HEADROOM);
}

/** Whether `extra` more bytes (a table about to grow) still fit under the ceiling. */
export function roomFor(ceiling: number, extra: number): boolean {
  return residentBytes() + extra <= ceiling * (1 - MEMORY_HEADROOM);
}

/** The resident set is read at most this often by a search: a read costs 60 to 200 microseconds, and
 * what a search allocates in this time is far below the headroom. */
const RSS_EVERY_MS = 50;

/** `overCeiling(ceiling)`, rate-limited to one read of the resident set per RSS_EVERY_MS. */
export function ceilingWatch(ceiling: number): () => boolean {
  let next = 0;
  return () => {
    const now = performance.now();
    if (now < next) return false;
    next = now + RSS_EVERY_MS;
    return overCeiling(ceiling);
  };
}
