// The bridge between spec/pool.stake and the StakingPool class: how to build a pool in the spec's
// initial state, how to perform each spec action on it, and how to read its state back as the
// spec's variables. `stakecheck conform spec/pool.stake --impl examples/pool-impl/adapter.ts`
// loads the default export.
//
// The types come from the module `stakecheck codegen spec/pool.stake -o examples/pool-impl/pool.gen.ts`
// generated: if the spec changes, this file stops compiling where it no longer matches.

// In your own project: `from "stakecheck"`. This repository's examples import the source, so they
// type-check without a build.
import type { ConformanceAdapter, ReadingOf } from "../../src/index.js";
import { Account, type Action, type State } from "./pool.gen.js";
import { StakingPool, type Address, type PoolConfig } from "./pool.js";

/** What the adapter uses of a pool (the buggy copy in ./buggy-pool.ts has the same interface). */
export type Pool = Pick<StakingPool, "deposit" | "unbond" | "withdraw" | "slash" | "reward" | "walletOf" | "stakeOf" | "pendingOf" | "totalSlashed" | "totalMinted">;

const SLASHER: Address = "slasher";
const REWARDER: Address = "rewarder";

/** Spec accounts are 0 .. N-1; the pool knows addresses. */
function address(a: number): Address {
  return `account-${a}`;
}

/** The adapter for a pool class (the buggy copy reuses it). */
export function poolAdapter(PoolClass: new (config: PoolConfig) => Pool): ConformanceAdapter<Pool, Action, ReadingOf<State>> {
  return {
    init: ({ consts }) =>
      new PoolClass({
        wallets: new Map(Account.map((a) => [address(a), BigInt(consts.START as number)])),
        slasher: SLASHER,
        rewarder: REWARDER,
        rewardCap: BigInt(consts.MAX_REWARDS as number),
      }),

    // Each spec action moves one unit; the pool's methods throw PoolError when they refuse.
    apply(pool, action) {
      switch (action.action) {
        case "deposit":
          return pool.deposit(address(action.caller), address(action.a), 1n);
        case "unbond":
          return pool.unbond(address(action.caller), address(action.a), 1n);
        case "withdraw":
          return pool.withdraw(address(action.caller), address(action.a));
        case "slash":
          return pool.slash(SLASHER, address(action.a));
        case "reward":
          return pool.reward(REWARDER, address(action.a), 1n);
      }
    },

    // Maps with bigint values are fine: conform converts them to the spec's readable values.
    read: (pool) => ({
      bal: new Map(Account.map((a) => [a, pool.walletOf(address(a))])),
      stake: new Map(Account.map((a) => [a, pool.stakeOf(address(a))])),
      pending: new Map(Account.map((a) => [a, pool.pendingOf(address(a))])),
      slashed: pool.totalSlashed,
      minted: pool.totalMinted,
    }),
  };
}

export default poolAdapter(StakingPool);
