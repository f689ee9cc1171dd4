// The commands the code lenses run (the server executes them: workspace/executeCommand).

export const CHECK_COMMAND = "stakecheck.check";
export const FUZZ_COMMAND = "stakecheck.fuzz";
