// Every fast-check property in the suite runs from one seed: STAKECHECK_SEED when set (with
// STAKECHECK_SEED_PATH to jump straight to a shrunk counterexample), a fresh random one otherwise.
// A failure prints the seed and the exact command line that replays it.

import fc from "fast-check";
import { relative } from "node:path";
import { expect } from "vitest";

const envSeed = process.env.STAKECHECK_SEED;
const envPath = process.env.STAKECHECK_SEED_PATH;
export const FC_SEED = envSeed !== undefined && envSeed !== "" ? Number(envSeed) | 0 : (Math.random() * 2 ** 32) | 0;

fc.configureGlobal({
  seed: FC_SEED,
  ...(envPath ? { path: envPath } : {}),
  reporter: (details) => {
    if (!details.failed) return;
    const file = relative(process.cwd(), expect.getState().testPath ?? "<test file>");
    const replay = `STAKECHECK_SEED=${details.seed}${details.counterexamplePath ? ` STAKECHECK_SEED_PATH=${details.counterexamplePath}` : ""} npx vitest run ${file}`;
    throw new Error(`${fc.defaultReportMessage(details) ?? "property failed"}\n\nreplay: ${replay}`, { cause: details.errorInstance });
  },
});
