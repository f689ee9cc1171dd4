// The `stakecheck` command: argument parsing and wiring only. Each command's module is loaded when
// it runs, so a command pays only for what it uses.

import { Command, CommanderError, Option } from "commander";
import { InputError } from "../lang/read.js";
import { EXIT, Exit } from "./exit.js";
import { addHelp } from "./help.js";
import { collect } from "./options.js";
import { VERSION } from "../version.js";
import { err } from "./output.js";


/** The command line: every command, its options and its help. */
export function program(): Command {
  const p = new Command("stakecheck")
    .description("Model checking and property-based testing for staking protocols")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: () => {} });

  p.command("parse")
    .description("print a spec's syntax tree as JSON")
    .argument("<file>", "a .stake file")
    .action(async (file: string) => {
      const { parseCommand } = await import("./commands/parse.js");
      throw new Exit(await parseCommand(file));
    });

  p.command("lint")
    .description("check specs for errors and warnings, like a compiler")
    .argument("<files...>", ".stake files")
    .option("--strict", "exit 1 when there are warnings")
    .option("--const <NAME=VALUE>", "override a const (repeatable)", collect)
    .action(async (files: string[], o) => {
      const { lintCommand } = await import("./commands/lint.js");
      throw new Exit(await lintCommand(files, o));
    });

  p.command("check")
    .description("explore every reachable state and check every invariant, step and liveness property")
    .argument("<files...>", ".stake files")
    .option("--const <NAME=VALUE>", "override a const; NAME=0..3 or NAME=4,7 sweeps (repeatable)", collect)
    .option("--invariant <NAME>", "check only this invariant, step or liveness property (repeatable)", collect)
    .option("--exact", "store whole states instead of 64-bit fingerprints")
    .option("--max-states <N>", "stop after N distinct states")
    .option("--max-depth <N>", "explore at most N steps from the initial state")
    .option("--memory <SIZE>", "memory ceiling for the search, e.g. 4G")
    .option("--continue", "keep going after a violation, to report every property that fails")
    .option("--coverage", "print how often each action fired")
    .option("--save [DIR]", "write each counterexample as an .itf.json file into DIR (default counterexamples/)")
    .option("--reporter <NAME[:FILE]>", "text, json, junit or github; to stdout, or to FILE (repeatable)", collect)
    .option("--workers <N>", "worker threads (default: one for small spaces, else every core)")
    .option("--bitstate [SIZE]", "Spin's supertrace: a bit array of SIZE bytes (default: 32 bits per state the types allow, at most 512M) instead of fingerprints; may miss states; only for spaces too large for memory")
    .option("--no-symmetry", "do not reduce by `symmetric` types")
    .option("--checkpoint <FILE>", "write the search's state to FILE now and then (atomically), to resume it with --resume")
    .option("--every <DURATION>", "with --checkpoint: how often, e.g. 5m (the default), 30s, 1h")
    .option("--resume <FILE>", "continue the search a checkpoint holds (same spec, consts and options)")
    .option("--html <DIR>", "also write an HTML report of the run into DIR (counterexamples with a chart of the numbers)")
    .option("--progress <DURATION>", "where stderr is not a terminal (CI), a progress line every DURATION (default 10s)")
    .option("--no-progress", "no progress line, live or plain")
    .action(async (files: string[], o) => {
      const { checkCommand } = await import("./commands/check.js");
      throw new Exit(await checkCommand(files, o));
    });

  p.command("replay")
    .description("re-run saved counterexamples on the current spec: still violates, now passes, or diverged")
    .argument("<paths...>", "counterexample files (.itf.json) or directories of them")
    .option("--spec <PATH>", "replay on this spec instead of the one recorded in each file")
    .option("--expect <OUTCOME>", "pass (the default): every counterexample must now pass; violation: every one must still violate (a corpus of known bugs)")
    .option("--reporter <NAME[:FILE]>", "text, json, junit or github; to stdout, or to FILE (repeatable)", collect)
    .option("--html <DIR>", "also write an HTML report of the replayed counterexamples into DIR")
    .action(async (paths: string[], o) => {
      const { replayCommand } = await import("./commands/replay.js");
      throw new Exit(await replayCommand(paths, o));
    });

  p.command("report")
    .description("write an HTML report of counterexample files: steps, what changed, a chart, why it fails")
    .argument("<paths...>", "counterexample files (.itf.json) or directories of them")
    .option("-o, --out <FILE>", "the HTML file to write (default report.html)")
    .option("--spec <PATH>", "read the values' types and explain on this spec instead of the one recorded in each file")
    .action(async (paths: string[], o) => {
      const { reportCommand } = await import("./commands/report.js");
      throw new Exit(await reportCommand(paths, o));
    });

  p.command("codegen")
    .description("generate a typed TypeScript module from a spec: types, actions, step, invariants")
    .argument("<file>", "a .stake file")
    .option("-o, --out <FILE>", "write the module to FILE (default: standard output)")
    .option("--const <NAME=VALUE>", "override a const (repeatable)", collect)
    .option("--check", "exit 1 if FILE is not what codegen would write (for CI)")
    .action(async (file: string, o) => {
      const { codegenCommand } = await import("./commands/codegen.js");
      throw new Exit(await codegenCommand(file, o));
    });

  p.command("export")
    .description("write a spec as a TLA+ module and TLC configuration, for TLC (also distributed) and Apalache")
    .argument("<file>", "a .stake file")
    .option("--tla", "write TLA+: NAME.tla and NAME.cfg")
    .option("-o, --out <DIR>", "the directory to write into (created if missing)")
    .option("--const <NAME=VALUE>", "override a const (repeatable)", collect)
    .action(async (file: string, o) => {
      const { exportCommand } = await import("./commands/export.js");
      throw new Exit(await exportCommand(file, o));
    });

  p.command("conform")
    .description("test an implementation against a spec: replay saved counterexamples, then random walks")
    .argument("<spec>", "a .stake file")
    .requiredOption("--impl <ADAPTER>", "the adapter module (.ts via tsx, or .js): see docs/conformance.md")
    .option("--const <NAME=VALUE>", "override a const (repeatable)", collect)
    .option("--runs <N>", "random walks to run (default 100)")
    .option("--depth <N>", "steps per walk at most (default 40)")
    .addOption(new Option("--steps <N>", "the old name of --depth").hideHelp())
    .option("--seed <N>", "fast-check seed, to reproduce a run")
    .option("--path <PATH>", "with --seed: replay the shrunk failure of that run")
    .option("--instances <I,J,...>", "replay this path of action instances (as a failing run prints) instead")
    .option("--no-disabled", "try only actions the spec enables (skip checking that others are refused)")
    .option("--traces <DIR>", "replay this spec's counterexamples saved in DIR first, and save a divergence there (default counterexamples/)")
    .option("--no-save", "do not save a divergence as a counterexample file")
    .action(async (spec: string, o) => {
      const { conformCommand } = await import("./commands/conform.js");
      throw new Exit(await conformCommand(spec, o));
    });

  p.command("fuzz")
    .description("explore by random walks; shrink the first violation found to its essence")
    .argument("<file>", "a .stake file")
    .option("--runs <N>", "random walks to run (default 10000)")
    .option("--depth <N>", "steps per walk at most (default 100)")
    .option("--time <DURATION>", "stop walking after this long, e.g. 30s or 2m")
    .option("--seed <N>", "the PRNG seed (printed by every run; the same seed reproduces the run)")
    .option("--shard <K/N>", "run shard K of N of the campaign (--seed and --runs are the campaign's); combine with `stakecheck merge`")
    .option("--swarm", "each run turns on a random subset of the actions and of their parameter values")
    .option("--const <NAME=VALUE>", "override a const (repeatable)", collect)
    .option("--invariant <NAME>", "check only this invariant, step or liveness property (repeatable)", collect)
    .option("--no-shrink", "report the violation as found, without shrinking or minimizing")
    .option("--coverage", "print how often each action fired")
    .option("--save [DIR]", "write the counterexample as an .itf.json file into DIR (default counterexamples/)")
    .option("--reporter <NAME[:FILE]>", "text, json, junit or github; to stdout, or to FILE (repeatable)", collect)
    .option("--html <DIR>", "also write an HTML report of the run into DIR")
    .option("--progress <DURATION>", "where stderr is not a terminal (CI), a progress line every DURATION (default 10s)")
    .option("--no-progress", "no progress line, live or plain")
    .action(async (file: string, o) => {
      const { fuzzCommand } = await import("./commands/fuzz.js");
      throw new Exit(await fuzzCommand(file, o));
    });

  p.command("lsp")
    .description("run the language server for editors, on stdin and stdout (see docs/editor.md)")
    .option("--stdio", "use stdin and stdout (the default and only transport)")
    .addOption(new Option("--clientProcessId <PID>", "the editor's process").hideHelp())
    .action(async () => {
      const { lspCommand } = await import("./commands/lsp.js");
      throw new Exit(await lspCommand(VERSION));
    });

  p.command("merge")
    .description("combine the JSON reports of several runs (e.g. the shards of `fuzz --shard`) into one verdict")
    .argument("<reports...>", "JSON reports written by --reporter json:FILE")
    .option("--reporter <NAME[:FILE]>", "text, json, junit or github; to stdout, or to FILE (repeatable)", collect)
    .action(async (reports: string[], o) => {
      const { mergeCommand } = await import("./commands/merge.js");
      throw new Exit(await mergeCommand(reports, o));
    });

  p.command("monitor")
    .description("watch a system's events against the spec: report the first event the spec does not allow")
    .argument("<spec>", "a .stake file")
    .requiredOption("--events <FILE>", "the events, one JSON object per line (- for standard input); see docs/monitor.md")
    .option("--follow", "keep reading the file as it grows, like tail -f, until Ctrl-C")
    .option("--map <FILE>", "a mapping file from the system's own events to spec actions")
    .option("--const <NAME=VALUE>", "override a const (repeatable)", collect)
    .option("--invariant <NAME>", "check only this invariant or step property (repeatable)", collect)
    .option("--max-candidates <N>", "most spec states kept when events leave choices open (default 10000)")
    .option("--on-bad-line <WHAT>", "stop (the default) or skip a line that is not a usable event")
    .option("--reporter <NAME>", "text (the default) or json: one JSON line per alert")
    .option("--on-violation <CMD>", "run CMD with the alert (a JSON line) on its standard input")
    .option("--save <DIR>", "write the trace so far as an .itf.json file into DIR (default counterexamples/)")
    .option("--no-save", "do not write the trace")
    .action(async (spec: string, o) => {
      const { monitorCommand } = await import("./commands/monitor.js");
      throw new Exit(await monitorCommand(spec, o));
    });

  p.option("--no-color", "do not colour output (as NO_COLOR=1 does); any command takes it");
  addHelp(p);
  return p;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes("--no-color")) process.env.NO_COLOR = "1";
  const args = argv.filter((a) => a !== "--no-color");
  try {
    await program().parseAsync(args, { from: "user" });
    return EXIT.OK;
  } catch (e) {
    if (e instanceof Exit) {
      if (e.message) err(e.message);
      return e.code;
    }
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.OK;
      // One line: commander puts its suggestion on a line of its own.
      const message = e.message.replace(/^error: /, "").replace(/\s*\n\(Did you mean (.*)\?\)/, " (did you mean $1?)");
      err(`stakecheck: ${message}; run \`stakecheck --help\` for usage`);
      return EXIT.USAGE;
    }
    if (e instanceof InputError) {
      err(`stakecheck: ${e.message}`);
      return EXIT.USAGE;
    }
    const detail = e instanceof Error ? e.message : String(e);
    err(`stakecheck: internal error: ${detail}`);
    err("this is a bug in stakecheck; please report it with the spec that triggered it");
    if (process.env.STAKECHECK_DEBUG && e instanceof Error) err(e.stack ?? "");
    return 70;
  }
}
