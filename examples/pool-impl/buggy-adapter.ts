// The adapter of ./adapter.ts, driving the pool with the seeded slashing bug.

import { poolAdapter } from "./adapter.js";
import { BuggyStakingPool } from "./buggy-pool.js";

export default poolAdapter(BuggyStakingPool);
