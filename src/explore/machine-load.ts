// What other processes are doing to the cores, measured while a piece of work runs: the machine's
// busy CPU time over the interval (Linux /proc/stat, every core) minus this process's own. `--workers
// auto` uses it to decide whether workers would get cores of their own (src/explore/parallel.ts).

import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ

/** Busy CPU seconds of the whole machine so far, or null where /proc/stat cannot be read. */
function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface Measured<T> {
  readonly value: T;
  /** Cores other processes kept busy on average while `work` ran, or null if unknown. */
  readonly othersCores: number | null;
}

/** Runs `work`, and measures the cores other processes used meanwhile. */
export function measureOthers<T>(work: () => T): Measured<T> {
  const start = begin();
  return end(start, work());
}

/** The same for asynchronous work (nothing else of this process runs meanwhile). */
export async function measureOthersAsync<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const start = begin();
  return end(start, await work());
}

function begin(): { b0: number | null; c0: NodeJS.CpuUsage; t0: number } {
  return { b0: machineBusySeconds(), c0: process.cpuUsage(), t0: performance.now() };
}

function end<T>({ b0, c0, t0 }: { b0: number | null; c0: NodeJS.CpuUsage; t0: number }, value: T): Measured<T> {
  const seconds = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(c0);
  const b1 = machineBusySeconds();
  // Under 50 ms the tick counts (10 ms) say too little.
  if (b0 === null || b1 === null || seconds < 0.05) return { value, othersCores: null };
  const others = b1 - b0 - (own.user + own.system) / 1e6;
  return { value, othersCores: Math.max(0, others / seconds) };
}

/** Workers worth starting on `cores` cores when others keep `othersCores` of them busy. */
export function workersFor(cores: number, othersCores: number | null): number {
  if (othersCores === null) return cores;
  // The free cores, rounded: on 2 cores, others using more than half of one leave one worker.
  return Math.max(1, Math.min(cores, Math.round(cores - othersCores)));
}
