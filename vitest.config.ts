import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["properties/**/*.test.ts"],
    // One seed for every fast-check property; STAKECHECK_SEED=... replays a failure.
    setupFiles: ["properties/support/fc-seed.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
