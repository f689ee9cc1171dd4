// stakecheck's version: what `--version` prints and what a checkpoint records (a checkpoint resumes
// only in the version that wrote it). Kept equal to package.json's by properties/scale/checkpoint.test.ts.
export const VERSION = "0.1.0";
