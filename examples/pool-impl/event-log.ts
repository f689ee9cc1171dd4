// The pool's events as a chain indexer would log them: one JSON object per line, the event's name,
// its fields (amounts in wei, as decimal strings: the token has 18 decimals, and the pool counts in
// whole tokens), and the block it was in. `stakecheck monitor spec/pool.stake --map
// examples/monitor/pool.monitor.json --events FILE` reads these lines (docs/monitor.md).

import { appendFileSync } from "node:fs";
import type { PoolEvent } from "./pool.js";

export const DECIMALS = 18n;
const WEI = 10n ** DECIMALS;

/** One event as a JSON line (without the newline). */
export function eventLine(e: PoolEvent, block: number): string {
  const { type, amount, ...addresses } = e;
  return JSON.stringify({ event: type, args: { ...addresses, amount: String(amount * WEI) }, block });
}

/** Appends a pool's new events to a JSONL file as they happen (the file can be watched with --follow). */
export class EventLog {
  private written = 0;

  constructor(
    private readonly path: string,
    private readonly events: readonly PoolEvent[],
  ) {}

  /** Writes the events logged since the last flush, all in block `block`; how many. */
  flush(block: number): number {
    const fresh = this.events.slice(this.written);
    if (fresh.length) appendFileSync(this.path, fresh.map((e) => eventLine(e, block) + "\n").join(""));
    this.written = this.events.length;
    return fresh.length;
  }
}
