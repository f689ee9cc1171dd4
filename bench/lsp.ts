// The language server's speed, as an editor sees it: `stakecheck lsp` started as a child process
// and spoken to over stdio.
//   node --import tsx bench/lsp.ts [--quick]
// - start-up: from spawning the server to its answer to `initialize`, and the server's CPU time
//   by then (from /proc);
// - diagnostics on a 1,000-line spec (bench/big-spec.ts): from sending an edit to receiving the
//   diagnostics of that version, for an edit that makes or mends a misspelt name (the declaration
//   re-parsed and the spec checked) and one that makes or mends a syntax error (a whole-file
//   incremental match), each sent after a pause (so not held back by the throttle while typing);
// - hover and completion on that spec.
// Medians and the slowest; the last line is the JSON that bench/run.mjs reads. Wall-clock figures
// are only meaningful on an idle machine; the CPU columns are steadier on a loaded one.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { bigSpec } from "./big-spec.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const CLI = join(root, "bin/stakecheck.js");

/** The process's user + system CPU time in ms, from /proc (Linux), or NaN. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, "lsp", "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, (t: number) => void>();
  connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; version?: number }) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.(performance.now());
    waiting.delete(key);
  });
  connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.listen();
  const diagnostics = (uri: string, version: number) => new Promise<number>((r) => waiting.set(`${uri}@${version}`, r));
  return { t0, child, connection, diagnostics };
}

async function stop(s: ReturnType<typeof start>) {
  await s.connection.sendRequest("shutdown");
  await s.connection.sendNotification("exit");
  s.connection.dispose();
}

async function startup() {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const s = start();
    await s.connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    wall.push(performance.now() - s.t0);
    cpu.push(cpuMs(s.child.pid!));
    await stop(s);
  }
  return { wallMs: median(wall), bestWallMs: Math.min(...wall), cpuMs: median(cpu) };
}

async function bigFile() {
  const text = bigSpec(1000);
  const lines = text.split("\n");
  const s = start();
  await s.connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await s.connection.sendNotification("initialized", {});
  const uri = pathToFileURL(join(root, "big.stake")).href;
  let version = 1;
  const opened = s.diagnostics(uri, version);
  const t0 = performance.now();
  await s.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "stake", version, text } });
  const openMs = (await opened) - t0;
  // Edits at lines spread over the file: `bal7[a] >= 1` <-> `bla7[a] >= 1` (a name), and
  // `require` <-> `requir` (a syntax error).
  const sites = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^  require bal\d+\[a\] >= 1$/.test(l)).map(({ i }) => i);
  const measure = async (line: number, from: number, to: number, insert: string) => {
    await sleep(120);
    version++;
    const got = s.diagnostics(uri, version);
    const c0 = cpuMs(s.child.pid!);
    const t = performance.now();
    await s.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text: insert }],
    });
    const ms = (await got) - t;
    if (process.env.LSP_BENCH_TRACE) console.error(line, insert, ms.toFixed(0));
    return { ms, cpu: cpuMs(s.child.pid!) - c0 };
  };
  const name: { ms: number; cpu: number }[] = [];
  const syntax: { ms: number; cpu: number }[] = [];
  for (const line of sites.slice(0, quick ? 4 : 16)) {
    name.push(await measure(line, 10, 13, "bla"));
    name.push(await measure(line, 10, 13, "bal"));
    syntax.push(await measure(line, 2, 9, "requir"));
    syntax.push(await measure(line, 2, 8, "require"));
  }
  const hover: number[] = [];
  const completion: number[] = [];
  for (const line of sites.slice(0, quick ? 4 : 16)) {
    let t = performance.now();
    await s.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line, character: 11 } });
    hover.push(performance.now() - t);
    t = performance.now();
    await s.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: line + 1, character: 2 } });
    completion.push(performance.now() - t);
  }
  await stop(s);
  const summary = (xs: { ms: number; cpu: number }[]) => ({ ms: median(xs.map((x) => x.ms)), maxMs: Math.max(...xs.map((x) => x.ms)), cpuMs: median(xs.map((x) => x.cpu)) });
  return { lines: lines.length, openMs, name: summary(name), syntax: summary(syntax), hoverMs: median(hover), completionMs: median(completion) };
}

const up = await startup();
const big = await bigFile();
const f = (x: number) => `${x.toFixed(0)} ms`;
console.log(`start-up (spawn to the initialize answer): median ${f(up.wallMs)}, best ${f(up.bestWallMs)}, server CPU ${f(up.cpuMs)}`);
console.log(`${big.lines}-line spec: first diagnostics after opening ${f(big.openMs)}`);
console.log(`  edit a name:       diagnostics in ${f(big.name.ms)} (slowest ${f(big.name.maxMs)}), server CPU ${f(big.name.cpuMs)}`);
console.log(`  edit the syntax:   diagnostics in ${f(big.syntax.ms)} (slowest ${f(big.syntax.maxMs)}), server CPU ${f(big.syntax.cpuMs)}`);
console.log(`  hover ${f(big.hoverMs)}, completion ${f(big.completionMs)}`);
console.log(JSON.stringify({ startup: up, big }));
