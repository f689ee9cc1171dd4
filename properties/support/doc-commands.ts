// Commands and shown outputs in the Markdown docs, found by fenced-block conventions, so that every
// command in README.md and docs/**/*.md is run by a test (properties/docs/commands.test.ts) and
// every output a doc shows is compared with what the command prints.
//
// Conventions (docs/README of the conventions is the top of the test file):
//   ```sh        every line starting with `npx stakecheck` or `stakecheck` (after `$ ` or
//                `npm ci && `) is run; a comment ending in `exit N` (or `(exit N)`) says the
//                exit code it must have
//                (otherwise it must not be a usage error, 2, nor an internal error, 70).
//   ```console   lines starting with `$ stakecheck` / `$ npx stakecheck` are run, one after the
//                other on the same files; the lines after each, up to the next `$`, are its
//                shown output (a `# exit N` comment on the `$` line states its exit code).
//   ```yaml      CI steps `- run: npx stakecheck ...` are run, one after the other on the same
//                files, with every GitHub expression `${{ ... }}` read as 1.
//   ```text run: ARGS [; exit N]
//                the block is the shown output of `stakecheck ARGS` (any language word may come
//                first; GitHub shows only that word, so the doc reads the same).
// A shown output is an excerpt: its lines must appear in the output in order and next to each
// other, except that a line `...` stands for any number of lines and a line ending in `...` for
// any line that starts with what comes before. Both sides are normalised first
// (timings, rates, the machine's worker count), see `normalise`.
// Synopsis lines with placeholders (`stakecheck fuzz FILE [--runs N]`) belong in ```text blocks.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface DocCommand {
  /** Where: `docs/fuzz.md:34`. */
  readonly where: string;
  /** The arguments after `stakecheck`. */
  readonly args: string[];
  /** The exit code the doc states, if it states one. */
  readonly exit?: number;
  /** The output the doc shows, if it shows one. */
  readonly shown?: string;
  /** Commands of one ```console block share a group: they run one after the other on the same
   * files (a `--save` then a `replay` of what it saved); each group starts afresh. */
  readonly group: string;
}

/** README.md and every Markdown file under docs/. */
export function docFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : []));
  return ["README.md", ...walk("docs")];
}

/** Splits a command line as a POSIX shell would (quotes, backslashes); no expansion. */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, j);
      i = j;
      any = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; line[j] !== '"'; j++) cur += line[j] === "\\" ? line[++j] : line[j];
      i = j;
      any = true;
    } else if (c === "\\") {
      cur += line[++i];
      any = true;
    } else if (c === " " || c === "\t") {
      if (any) out.push(cur);
      cur = "";
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push(cur);
  return out;
}

/** A command line of a doc, as arguments (null when the line is not a stakecheck command). */
function commandOf(line: string): { args: string[]; exit?: number } | null {
  let l = line.trim().replace(/^\$ /, "").replace(/^npm ci && /, "");
  if (!/^(npx )?stakecheck( |$)/.test(l)) return null;
  let exit: number | undefined;
  const hash = l.search(/\s#\s/);
  if (hash >= 0) {
    const m = /\bexit (\d+)\)?\s*$/.exec(l.slice(hash));
    if (m) exit = Number(m[1]);
    l = l.slice(0, hash);
  }
  const words = shellWords(l.trim());
  const args = words.slice(words[0] === "npx" ? 2 : 1);
  return exit === undefined ? { args } : { args, exit };
}

/** Every command of a doc, with what it shows. */
export function docCommands(file: string): DocCommand[] {
  const text = readFileSync(file, "utf8");
  const out: DocCommand[] = [];
  const fence = /^( *)```([^\n]*)\n([\s\S]*?)^\1```[ \t]*$/gm;
  for (const m of text.matchAll(fence)) {
    const indent = m[1].length;
    const info = m[2].trim();
    const lang = info.split(/\s+/)[0] ?? "";
    const body = m[3]
      .split("\n")
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join("\n")
      .replace(/\n$/, "");
    const first = text.slice(0, m.index).split("\n").length + 1;
    const run = /\brun: (.+?)(?:; exit (\d+))?$/.exec(info);
    if (run) {
      const words = shellWords(run[1]);
      const args = words.slice(words[0] === "npx" ? 2 : words[0] === "stakecheck" ? 1 : 0);
      out.push({ where: `${file}:${first - 1}`, group: `${file}:${first - 1}`, args, shown: body, ...(run[2] ? { exit: Number(run[2]) } : {}) });
      continue;
    }
    const lines = body.split("\n");
    if (lang === "sh" || lang === "bash" || lang === "shell") {
      lines.forEach((l, i) => {
        const c = commandOf(l);
        if (c) out.push({ where: `${file}:${first + i}`, group: `${file}:${first + i}`, ...c });
      });
    } else if (lang === "yaml" || lang === "yml") {
      // CI workflow steps: `- run: npx stakecheck ...`
      lines.forEach((l, i) => {
        const step = /^\s*-?\s*run:\s*(.*)$/.exec(l);
        // GitHub expressions (`${{ matrix.shard }}`) as the first job of a matrix would see them;
        // the steps of one workflow share their files (a shard's report, then the merge).
        const c = step ? commandOf(step[1].replace(/\$\{\{[^}]*\}\}/g, "1")) : null;
        if (c) out.push({ where: `${file}:${first + i}`, group: `${file}:${first - 1}`, ...c });
      });
    } else if (lang === "console") {
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith("$ ")) continue;
        const c = commandOf(lines[i]);
        let j = i + 1;
        while (j < lines.length && !lines[j].startsWith("$ ")) j++;
        if (c) out.push({ where: `${file}:${first + i}`, group: `${file}:${first - 1}`, ...c, shown: lines.slice(i + 1, j).join("\n") });
        i = j - 1;
      }
    }
  }
  return out;
}

/** What may differ from one run to the next: timings, rates, the machine's worker count. */
export function normalise(text: string): string {
  return text
    .split("\n")
    .filter((l) => !/^\s*\d+ workers, [\d.]+ [KMG]iB of tables/.test(l) && !/^\s*\d+ workers? \(--workers auto: /.test(l))
    .join("\n")
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, "<time>")
    .replace(/\([\d.]+ [kM]? ?(distinct states|steps)\/s\)/g, "(<rate> $1/s)")
    .replace(/[ \t]+$/gm, "");
}

/** A shown line ending in `...` shows the start of the line only. */
function sameLine(actual: string, shown: string): boolean {
  if (shown.endsWith("...") && shown.trim() !== "...") return actual.startsWith(shown.slice(0, -3));
  return actual === shown;
}

/** Null when `shown` is an excerpt of `actual` (both normalised); else where it stops matching. */
export function excerptMismatch(actual: string, shown: string): string | null {
  const have = normalise(actual).split("\n");
  const want = normalise(shown).split("\n");
  // Try every start; `...` skips any lines.
  const from = (w: number, h: number): number => {
    // Returns the index in `want` where matching failed (want.length when it all matched).
    let best = w;
    for (; w < want.length; w++, h++) {
      if (want[w].trim() === "...") {
        for (let k = h; k <= have.length; k++) {
          const r = from(w + 1, k);
          if (r === want.length) return r;
          best = Math.max(best, r);
        }
        return best;
      }
      if (h >= have.length || !sameLine(have[h], want[w])) return w;
      best = w + 1;
    }
    return want.length;
  };
  let furthest = 0;
  for (let h = 0; h <= have.length; h++) {
    const r = from(0, h);
    if (r === want.length) return null;
    furthest = Math.max(furthest, r);
  }
  return `the shown output stops matching at its line ${furthest + 1}: ${JSON.stringify(want[furthest])}`;
}
