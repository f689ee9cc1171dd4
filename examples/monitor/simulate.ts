// A staking pool in use: random accounts deposit, unbond and withdraw, the slasher slashes, the
// rewarder mints, against examples/pool-impl (or its copy with the seeded slashing bug). Every
// event the pool emits is written as a JSON line (examples/pool-impl/event-log.ts), block by block.
//
//   npx tsx examples/monitor/simulate.ts [--buggy] [--events N] [--seed S] [--out FILE] [--delay MS]
//
// Without --out the lines go to standard output. With --delay, one block every MS milliseconds
// (for `stakecheck monitor --follow`, see stream.sh).

import { writeFileSync } from "node:fs";
import { BuggyStakingPool } from "../pool-impl/buggy-pool.js";
import { EventLog, eventLine } from "../pool-impl/event-log.js";
import { PoolError, StakingPool, type PoolConfig } from "../pool-impl/pool.js";

export const ACCOUNTS = ["0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222", "0x3333333333333333333333333333333333333333"];
export const SLASHER = "0x5151515151515151515151515151515151515151";
export const REWARDER = "0x7777777777777777777777777777777777777777";

/** As spec/pool.stake's defaults: 3 accounts holding 3 tokens each, at most 2 tokens minted. */
export function poolConfig(): PoolConfig {
  return { wallets: new Map(ACCOUNTS.map((a) => [a, 3n])), slasher: SLASHER, rewarder: REWARDER, rewardCap: 2n };
}

export interface SimulateOptions {
  readonly buggy?: boolean;
  /** Stop after this many events. */
  readonly events: number;
  readonly seed: number;
  /** The slasher stops once this many tokens are burnt, so the pool never runs dry. */
  readonly slashBudget?: number;
}

/** mulberry32: a tiny seeded generator, so a seed replays the same run. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Pool = StakingPool | BuggyStakingPool;

/** One random call on the pool (it may refuse: then it logs nothing). */
function act(pool: Pool, pick: (n: number) => number, slashBudget: number): void {
  const who = ACCOUNTS[pick(3)];
  const amount = BigInt(1 + pick(2));
  try {
    switch (pick(10)) {
      case 0:
      case 1:
      case 2:
        return pool.deposit(who, who, amount);
      case 3:
      case 4:
        return pool.unbond(who, who, amount);
      case 5:
      case 6:
        // Now and then someone tries to withdraw another account's stake: the pool refuses.
        return void pool.withdraw(pick(8) === 0 ? ACCOUNTS[pick(3)] : who, who);
      case 7:
        if (pool.totalSlashed < BigInt(slashBudget)) pool.slash(SLASHER, who);
        return;
      default:
        return pool.reward(REWARDER, who, 1n);
    }
  } catch (e) {
    // The buggy copy has its own PoolError class: refusals are recognised by name.
    if (!(e instanceof PoolError) && (e as Error).name !== "PoolError") throw e;
  }
}

/** The event lines of a run, one block per call. */
export function simulate(o: SimulateOptions): string[] {
  const pool: Pool = o.buggy ? new BuggyStakingPool(poolConfig()) : new StakingPool(poolConfig());
  const pick = rng(o.seed);
  const lines: string[] = [];
  for (let block = 1; lines.length < o.events && block < 100 * o.events + 1000; block++) {
    const before = pool.events.length;
    act(pool, pick, o.slashBudget ?? 4);
    for (const e of pool.events.slice(before)) lines.push(eventLine(e, block));
  }
  return lines.slice(0, o.events);
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const events = Number(flag("--events") ?? 200);
  const seed = Number(flag("--seed") ?? 1);
  const delay = Number(flag("--delay") ?? 0);
  const out = flag("--out");
  const buggy = argv.includes("--buggy");
  if (!delay) {
    const text = simulate({ events, seed, buggy }).map((l) => l + "\n").join("");
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return;
  }
  // Live: one call per block, each block's events appended as they happen.
  if (!out) throw new Error("--delay writes to a file: give --out FILE");
  writeFileSync(out, "");
  const pool: Pool = buggy ? new BuggyStakingPool(poolConfig()) : new StakingPool(poolConfig());
  const log = new EventLog(out, pool.events);
  const pick = rng(seed);
  for (let block = 1, written = 0; written < events; block++) {
    act(pool, pick, 4);
    written += log.flush(block);
    await new Promise((r) => setTimeout(r, delay));
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!)) {
  await main(process.argv.slice(2));
}
