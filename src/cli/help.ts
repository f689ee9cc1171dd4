// What `--help` adds below commander's list of options: examples a person can paste, and what each
// exit code means for that command. Kept here, beside the command definitions in main.ts, so a
// command's help reads as one page.

import type { Command } from "commander";

const COMMON_EXIT = ["0  every property holds", "1  a property is violated", "2  a bad spec, file or flag", "3  the search stopped early (memory, Ctrl-C); partial results printed"];

interface Help {
  readonly examples: readonly (readonly [string, string])[];
  readonly exit: readonly string[];
}

const HELP: Readonly<Record<string, Help>> = {
  parse: {
    examples: [["stakecheck parse spec/pool.stake", "the syntax tree as JSON, with line and column on every node"]],
    exit: ["0  parsed", "2  a syntax error (located, with a caret) or a file that cannot be read"],
  },
  lint: {
    examples: [
      ["stakecheck lint spec/*.stake", "errors and warnings of every spec"],
      ["stakecheck lint spec/ffg.stake --const F=2 --strict", "with a const overridden; warnings fail too"],
    ],
    exit: ["0  no errors (warnings allowed)", "1  warnings, with --strict", "2  errors, or a file that cannot be read"],
  },
  check: {
    examples: [
      ["stakecheck check spec/pool.stake", "every reachable state, every property"],
      ["stakecheck check spec/ffg.stake --const F=0..3 --continue", "a sweep: where does each property stop holding?"],
      ["stakecheck check spec/buggy/pool-no-owner-check.stake --save --html reports/", "save the counterexample; an HTML report with a chart"],
      ["stakecheck check spec/*.stake --reporter github --reporter junit:reports/stakecheck.xml", "in CI"],
      ["stakecheck check spec/anchor-pool.stake --checkpoint pool.ckpt --every 10m", "a long search that survives a kill: resume it with --resume pool.ckpt"],
    ],
    exit: COMMON_EXIT,
  },
  fuzz: {
    examples: [
      ["stakecheck fuzz spec/pool.stake --const N=6 --runs 10k --depth 200 --seed 1", "random walks, reproducible from the seed"],
      ["stakecheck fuzz spec/pool.stake --time 2m --swarm", "for two minutes, each run with a random subset of the actions"],
      ["stakecheck fuzz spec/pool.stake --seed 7 --runs 40k --shard 2/4 --reporter json:fuzz-2.json", "shard 2 of a 4-machine campaign; combine with stakecheck merge"],
    ],
    exit: ["0  no violation found (not a proof)", "1  a property is violated", "2  a bad spec, file or flag", "3  interrupted (Ctrl-C)"],
  },
  replay: {
    examples: [
      ["stakecheck replay counterexamples/", "every saved counterexample on the current spec"],
      ["stakecheck replay counterexamples/ --expect violation", "a corpus of known bugs must keep reproducing"],
      ["stakecheck replay FILE.itf.json --spec spec/fixed.stake", "on another spec than the one recorded"],
    ],
    exit: ["0  every file as expected (now passes; or still violates, with --expect violation)", "1  a file did not do what was expected", "2  a file or its spec cannot be read"],
  },
  report: {
    examples: [
      ["stakecheck report counterexamples/ -o report.html", "one page: every counterexample, its steps, a chart, why it fails"],
      ["stakecheck report FILE.itf.json --spec spec/fixed.stake -o after-fix.html", "the same trace, explained on another spec"],
    ],
    exit: ["0  the report is written (whatever the counterexamples do now)", "2  a file cannot be read or the report cannot be written"],
  },
  codegen: {
    examples: [
      ["stakecheck codegen spec/pool.stake -o src/pool.gen.ts", "types, actions, a pure step function, the invariants"],
      ["stakecheck codegen spec/pool.stake -o src/pool.gen.ts --check", "in CI: fail if the committed module is stale"],
    ],
    exit: ["0  written (or up to date, with --check)", "1  out of date, with --check", "2  a bad spec, file or flag"],
  },
  export: {
    examples: [
      ["stakecheck export --tla spec/pool.stake -o tla/", "tla/StakingPool.tla and tla/StakingPool.cfg, for TLC or Apalache"],
      ["stakecheck export --tla spec/anchor-pool.stake -o tla/ --const N=4", "with a const overridden (the export is specialised to its values)"],
    ],
    exit: ["0  written", "2  a bad spec, file or flag, or a construct TLA+ cannot express as stakecheck checks it (named)"],
  },
  lsp: {
    examples: [["stakecheck lsp", "the language server on stdin and stdout; an editor starts it (docs/editor.md)"]],
    exit: ["0  the editor ended the session", "2  a bad flag"],
  },
  merge: {
    examples: [
      ["stakecheck merge fuzz-1.json fuzz-2.json fuzz-3.json fuzz-4.json", "one verdict for the shards of a fuzz campaign"],
      ["stakecheck merge reports/*.json --reporter junit:reports/merged.xml", "and JUnit for CI"],
    ],
    exit: ["0  every property holds in every report", "1  a property is violated (the shortest counterexample is kept)", "2  a report cannot be read, or the reports do not belong together", "3  not proved: a shard is missing or stopped early"],
  },
  monitor: {
    examples: [
      ["stakecheck monitor spec/pool.stake --events events.jsonl", "the first event the spec does not allow, with why and a replayable trace"],
      ["stakecheck monitor spec/pool.stake --events app.jsonl --follow --map pool.monitor.json", "a live system's own events, translated by a mapping file"],
    ],
    exit: ["0  every event is allowed and no property is violated", "1  an event breaks the spec", "2  a bad spec, mapping file or event line", "3  interrupted, or no longer decidable (--max-candidates reached)"],
  },
  conform: {
    examples: [
      ["stakecheck conform spec/pool.stake --impl src/pool.adapter.ts", "saved counterexamples first, then random walks"],
      ["stakecheck conform spec/pool.stake --impl src/pool.adapter.ts --runs 1000 --depth 60 --seed 7", "a longer, reproducible search"],
    ],
    exit: ["0  the implementation conforms in every walk", "1  it diverges (shrunk and saved)", "2  a bad spec, adapter or flag"],
  },
};

function exitLines(codes: readonly string[]): string[] {
  return ["", "Exit codes:", ...codes.map((c) => `  ${c}`)];
}

const TOP = [
  "",
  "Examples:",
  "  # prove every property, or show the shortest trace that breaks one",
  "  stakecheck check spec/pool.stake",
  "  # random walks, when the space is too large to explore",
  "  stakecheck fuzz spec/pool.stake --time 1m",
  "  # counterexamples as one HTML page: steps, what changed, a chart, why",
  "  stakecheck report counterexamples/ -o report.html",
  ...exitLines(COMMON_EXIT),
  "",
  "`stakecheck COMMAND --help` gives a command's options, examples and exit codes.",
].join("\n");

/** Adds examples and exit codes to the help of `program` and of each of its commands. */
export function addHelp(program: Command): void {
  program.addHelpText("after", TOP);
  for (const c of program.commands) {
    const h = HELP[c.name()];
    if (!h) continue;
    const lines = ["", "Examples:"];
    for (const [cmd, what] of h.examples) lines.push(`  # ${what}`, `  ${cmd}`);
    c.addHelpText("after", [...lines, ...exitLines(h.exit)].join("\n"));
  }
}

/** The commands that have help text here (a test checks every command has). */
export const HELP_COMMANDS: readonly string[] = Object.keys(HELP);
