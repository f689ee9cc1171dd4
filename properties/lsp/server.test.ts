// `stakecheck lsp` as an editor uses it: started as a child process, spoken to over stdio, the
// shipped specs opened and edited. Every answer is compared exactly.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Position, Range } from "vscode-languageserver-protocol";
import { LspClient, positionOf } from "./support/client.js";
import { lintDiagnostics } from "./support/lint.js";

const POOL = readFileSync("spec/pool.stake", "utf8");
const LST = readFileSync("spec/lst.stake", "utf8");

const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
/** The range of the `n`th occurrence of `needle`. */
const rangeOf = (text: string, needle: string, n = 0): Range => ({ start: positionOf(text, needle, n), end: positionOf(text, needle, n, needle.length) });
/** A position inside the `n`th occurrence of `needle` (on its second character). */
const at = (text: string, needle: string, n = 0): Position => positionOf(text, needle, n, 1);

let client: LspClient;
let pool: string;

beforeAll(async () => {
  client = new LspClient();
  await client.initialize();
  pool = (await client.open("spec/pool.stake")).uri;
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
});

describe("start-up", () => {
  it("announces what it serves", async () => {
    const c = new LspClient();
    const init = await c.initialize();
    expect(init.serverInfo).toEqual({ name: "stakecheck", version: "0.1.0" });
    expect(init.capabilities).toEqual({
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      completionProvider: { triggerCharacters: ["."] },
      documentSymbolProvider: true,
      renameProvider: { prepareProvider: true },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: ["stakecheck.check", "stakecheck.fuzz"] },
    });
    expect(await c.stop()).toBe(0);
  });
});

describe("diagnostics as you type", () => {
  it("a clean spec has none; a typo gets lint's error with its hint; the fix clears it", async () => {
    const { uri, version } = await client.open("spec/edit-typo.stake", POOL);
    expect(await client.diagnosticsFor(uri, version)).toEqual([]);
    // Misspell `stake` in deposit, as in the README.
    const typo = rangeOf(POOL, "stake[a] += 1");
    const v2 = await client.change(uri, [{ range: { start: typo.start, end: positionOf(POOL, "stake[a] += 1", 0, 5) }, text: "stkae" }]);
    expect(await client.diagnosticsFor(uri, v2)).toEqual([
      { range: range(27, 2, 27, 7), severity: 1, source: "stakecheck", message: "unknown variable `stkae`\nhint: did you mean `stake`?" },
    ]);
    const v3 = await client.change(uri, [{ range: range(27, 2, 27, 7), text: "stake" }]);
    expect(await client.diagnosticsFor(uri, v3)).toEqual([]);
  });

  it("a syntax error reads as lint's, and so do warnings", async () => {
    const { uri } = await client.open("spec/edit-syntax.stake", POOL);
    // Delete the `}` that closes deposit.
    const v2 = await client.change(uri, [{ range: range(28, 0, 29, 0), text: "" }]);
    expect(await client.diagnosticsFor(uri, v2)).toEqual([
      { range: range(29, 0, 29, 6), severity: 1, source: "stakecheck", message: "expected a statement, an operator, `}` or `;`, found `action`\nhint: is a `}` missing before it?" },
    ]);
    const v3 = await client.change(uri, [{ range: range(28, 0, 28, 0), text: "}\n" }]);
    expect(await client.diagnosticsFor(uri, v3)).toEqual([]);
    const v4 = await client.change(uri, [{ range: range(22, 0, 22, 0), text: "var spare: 0 .. 1 = 0\n" }]);
    expect(await client.diagnosticsFor(uri, v4)).toEqual([
      { range: range(22, 4, 22, 9), severity: 2, source: "stakecheck", message: "variable `spare` is never read\nhint: no guard or property depends on it: remove it, or state a property about it" },
    ]);
  });

  it("a duplicate declaration points at the first one", async () => {
    const { uri } = await client.open("spec/edit-duplicate.stake", POOL);
    const v2 = await client.change(uri, [{ range: range(13, 0, 13, 0), text: "const N = 4\n" }]);
    expect(await client.diagnosticsFor(uri, v2)).toEqual([
      {
        range: range(13, 6, 13, 7),
        severity: 1,
        source: "stakecheck",
        message: "`N` is already declared at line 11",
        relatedInformation: [{ location: { uri, range: range(10, 6, 10, 7) }, message: "`N` is first declared here" }],
      },
    ]);
  });

  it("publishes what `stakecheck lint` prints, edit after edit", async () => {
    const opened = await client.open("spec/edit-lint.stake", POOL);
    const uri = opened.uri;
    let text = POOL;
    let version = opened.version;
    // Each edit replaces the first occurrence of `from` with `to`, on the text so far.
    const edits: [string, string][] = [
      ["bal[a] >= 1", "bal[a] >= "],
      ["bal[a] >= ", "bal[a] >= 1"],
      ["minted < MAX_REWARDS", "minted < MAX_REWARD"],
      ["let penalty", "let pen"],
      ["MAX_REWARD\n", "MAX_REWARDS\n"],
      ["let pen", "let penalty"],
      ["action reward", "actoin reward"],
      ["actoin reward", "action reward"],
      ["var minted:  0 .. MAX_REWARDS = 0", "var minted:  0 .. MAX_REWARDS = 5"],
    ];
    for (const [from, to] of edits) {
      const r = rangeOf(text, from);
      version = await client.change(uri, [{ range: r, text: to }]);
      text = text.replace(from, to);
      const got = await client.diagnosticsFor(uri, version);
      expect(got.map((d) => ({ line: d.range.start.line + 1, col: d.range.start.character + 1, severity: d.severity === 1 ? "error" : "warning", message: d.message })), `after ${from} -> ${to}`).toEqual(
        await lintDiagnostics(text),
      );
    }
  });
});

describe("hover", () => {
  const hoverText = async (pos: Position) => {
    const h = await client.hover(pool, pos);
    return h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : null;
  };

  it("a const: as declared, its value and its comment", async () => {
    expect(await hoverText(at(POOL, "N * START", 0))).toBe("```stake\nconst N = 3\n```\n\nvalue `3`\n\naccounts");
  });

  it("a type: its values", async () => {
    expect(await hoverText(at(POOL, "Amount", 1))).toBe("```stake\ntype Amount = 0 .. N * START + MAX_REWARDS\n```\n\nvalues `0 .. 11`");
  });

  it("a variable: its type and initial value", async () => {
    expect(await hoverText(at(POOL, "bal[a] >= 1"))).toBe(
      "```stake\nvar bal: map<Account, Amount> = START\n```\n\ntype `map<Account (0 .. 2), Amount (0 .. 11)>` · initially `3` in every entry\n\nwallet balances",
    );
  });

  it("a def: its signature with the result type", async () => {
    expect(await hoverText(at(POOL, "value_of(a))"))).toBe("```stake\ndef value_of(a: Account): 0 .. 33\n```");
  });

  it("parameters, the caller, a let and a bound name: their types", async () => {
    expect(await hoverText(at(POOL, "a] -= 1"))).toBe("```stake\na: Account\n```\n\nparameter of action `deposit` · type `Account (0 .. 2)`");
    expect(await hoverText(at(POOL, "caller == a"))).toBe("```stake\ncaller: Account\n```\n\ncaller of action `deposit` · type `Account (0 .. 2)`");
    expect(await hoverText(at(POOL, "penalty\n"))).toBe("```stake\nlet penalty = div_up(stake[a], 2)\n```\n\nlocal of action `slash` · type `0 .. 6`");
    expect(await hoverText(at(POOL, "a in Account: value_of"))).toBe("```stake\na in Account\n```\n\nbound by `sum` · type `Account (0 .. 2)`");
  });

  it("an action, a property, built-ins and a step's caller", async () => {
    expect(await hoverText(at(POOL, "slash))"))).toBe("```stake\naction slash(a: Account)\n```");
    expect(await hoverText(at(POOL, "div_up"))).toBe("```stake\ndiv_up(a, b)\n```\n\nbuilt-in: ⌈a / b⌉: division rounded up (toward positive infinity)");
    expect(await hoverText(at(POOL, "old("))).toBe("```stake\nold(e)\n```\n\nbuilt-in: the value of e in the state before the step (step properties only)");
    expect(await hoverText(at(POOL, "caller == a or"))).toBe("```stake\ncaller\n```\n\nthe caller of the step's action (absent when that action has none)");
    expect(await hoverText(at(POOL, "conservation"))).toBe(
      "```stake\ninvariant conservation: sum(a in Account: value_of(a)) + slashed == N * START + minted\n```\n\nNothing is created or lost: what accounts hold plus what was burnt is what they started with\nplus what was minted.",
    );
  });

  it("nothing on a keyword, a number or a comment", async () => {
    expect(await client.hover(pool, at(POOL, "require bal"))).toBeNull();
    expect(await client.hover(pool, at(POOL, "1\n  bal[a] -= 1"))).toBeNull();
    expect(await client.hover(pool, at(POOL, "accounts"))).toBeNull();
  });

  it("an enum member", async () => {
    const c = new LspClient();
    await c.initialize();
    const ffg = readFileSync("spec/ffg.stake", "utf8");
    const { uri } = await c.open("spec/ffg.stake");
    const h = await c.hover(uri, at(ffg, "A2", 0));
    expect(h && "value" in (h.contents as object) ? (h.contents as { value: string }).value : null).toBe(
      "```stake\ntype Checkpoint = enum { Genesis, A1, A2, B2, B3, B4 }\n```\n\nmember `A2` of `Checkpoint` (3 of 6)",
    );
    expect(await c.stop()).toBe(0);
  });
});

describe("the workspace's const overrides", () => {
  it("show in hovers and change the checked values; a change of setting applies at once", async () => {
    const c = new LspClient({ const: { N: 4, NOT_IN_POOL: 1, START: "x" } });
    await c.initialize();
    const { uri, version } = await c.open("spec/pool.stake");
    expect(await c.diagnosticsFor(uri, version)).toEqual([]);
    const value = async (needle: string, n = 0) => ((await c.hover(uri, at(POOL, needle, n)))?.contents as { value: string }).value;
    expect(await value("N * START")).toBe("```stake\nconst N = 3\n```\n\nvalue `4` (set by the setting `stakecheck.const`)\n\naccounts");
    expect(await value("START = 3")).toBe("```stake\nconst START = 3\n```\n\nvalue `3`\n\neach account's initial wallet balance");
    expect(await value("Amount", 1)).toBe("```stake\ntype Amount = 0 .. N * START + MAX_REWARDS\n```\n\nvalues `0 .. 14`");
    const refreshes = c.lensRefreshes;
    c.settings = { const: { N: 2 } };
    await c.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await c.until(() => (c.lensRefreshes > refreshes ? true : undefined), "a lens refresh after the settings changed");
    expect(await value("Amount", 1)).toBe("```stake\ntype Amount = 0 .. N * START + MAX_REWARDS\n```\n\nvalues `0 .. 8`");
    expect(await c.stop()).toBe(0);
  });
});

describe("go to definition and find references", () => {
  it("from a use to its declaration", async () => {
    expect(await client.definition(pool, at(POOL, "value_of(a))"))).toEqual([{ uri: pool, range: rangeOf(POOL, "value_of", 0) }]);
    expect(await client.definition(pool, at(POOL, "Account, Amount>", 0))).toEqual([{ uri: pool, range: range(14, 5, 14, 12) }]);
    expect(await client.definition(pool, at(POOL, "penalty\n  slashed"))).toEqual([{ uri: pool, range: rangeOf(POOL, "penalty", 0) }]);
  });

  it("a step's caller leads to every action's caller", async () => {
    expect(await client.definition(pool, at(POOL, "caller == a or"))).toEqual([
      { uri: pool, range: range(23, 30, 23, 36) },
      { uri: pool, range: range(30, 29, 30, 35) },
      { uri: pool, range: range(37, 31, 37, 37) },
    ]);
  });

  it("an action's parameter from a step property (`deposit.a`)", async () => {
    const c = new LspClient();
    await c.initialize();
    const { uri } = await c.open("spec/lst.stake");
    const param = positionOf(LST, "action deposit(a", 0, "action deposit(".length);
    expect(await c.definition(uri, at(LST, "a] > old"))).toEqual([{ uri, range: { start: param, end: { line: param.line, character: param.character + 1 } } }]);
    // The declaration, six uses in the action, two in the step property.
    const refs = (await c.references(uri, at(LST, "a] > old")))!;
    const line = (needle: string) => LST.slice(0, LST.indexOf(needle)).split("\n").length;
    const d = line("action deposit(a");
    const step = line("shares[deposit.a] >");
    // deposit(a: ...), caller == a, ops[a], wallet[a] (twice: require and -=), shares[a], ops[a]; deposit.a twice.
    expect(refs.map((r) => r.range.start.line + 1)).toEqual([d, d + 1, d + 1, d + 2, d + 6, d + 9, d + 11, step, step]);
    expect(await c.stop()).toBe(0);
  });

  it("every reference of a variable, with or without its declaration", async () => {
    const all = await client.references(pool, at(POOL, "pending[a] >= 1"));
    const expected = [...POOL.matchAll(/\bpending\b/g)].map((m) => m.index).filter((i) => !POOL.slice(POOL.lastIndexOf("\n", i), i).includes("//"));
    expect(all).toEqual(expected.map((i) => ({ uri: pool, range: rangeOf(POOL.slice(0), POOL.slice(i, i + 7), POOL.slice(0, i).split(/\bpending\b/).length - 1) })));
    expect(all).toHaveLength(6);
    expect(await client.references(pool, at(POOL, "pending[a] >= 1"), false)).toEqual(all!.slice(1));
  });
});

describe("completion", () => {
  const labels = async (pos: Position) => (await client.completion(pool, pos))?.map((i) => i.label);
  const GLOBALS = ["N", "START", "MAX_REWARDS", "Account", "Amount", "bal", "stake", "pending", "slashed", "minted", "deposit", "unbond", "withdraw", "slash", "reward", "value_of"];
  const BUILTINS = ["div", "div_up", "mul_div", "mul_div_up", "min", "max", "abs", "size", "len", "head", "push", "pop", "floor", "ceil", "some", "get", "get_or", "remove_at"];
  const KEYWORDS = [
    "spec", "const", "type", "symmetric", "ghost", "var", "action", "by", "def", "proc", "invariant", "step", "liveness", "fair", "strong",
    "bool", "enum", "set", "map", "seq", "option", "subsets", "require", "let", "if", "then", "else", "pick", "for", "in", "where",
    "implies", "iff", "or", "and", "not", "subset", "union", "intersect", "minus", "all", "any", "sum", "count", "eventually", "always",
    "true", "false", "none",
  ];

  it("in an action: its parameters and lets, the globals, built-ins and keywords", async () => {
    expect(await labels(positionOf(POOL, "stake[a] -= penalty"))).toEqual(["a", "penalty", ...GLOBALS, ...BUILTINS, ...KEYWORDS]);
    expect(await labels(positionOf(POOL, "  let penalty"))).toEqual(["a", ...GLOBALS, ...BUILTINS, ...KEYWORDS]);
  });

  it("in a step property: `caller` and `old` too", async () => {
    expect(await labels(positionOf(POOL, "value_of(a) < old"))).toEqual(["a", ...GLOBALS, "caller", ...BUILTINS, "old", ...KEYWORDS]);
  });

  it("details: declarations as written, built-ins with their signatures", async () => {
    const items = (await client.completion(pool, positionOf(POOL, "stake[a] -= penalty")))!;
    expect(items.find((i) => i.label === "penalty")).toEqual({ label: "penalty", kind: 6, detail: "penalty: 0 .. 6", sortText: "0penalty" });
    expect(items.find((i) => i.label === "bal")).toEqual({ label: "bal", kind: 6, detail: "var bal: map<Account, Amount> = START", sortText: "1bal" });
    expect(items.find((i) => i.label === "value_of")).toEqual({ label: "value_of", kind: 3, detail: "def value_of(a: Account)", sortText: "1value_of" });
    expect(items.find((i) => i.label === "mul_div")).toEqual({
      label: "mul_div", kind: 3, detail: "mul_div(a, b, c)", documentation: "⌊a · b / c⌋: the product taken exactly, then divided, rounded down", sortText: "2mul_div",
    });
    expect(items.find((i) => i.label === "where")).toEqual({ label: "where", kind: 14, sortText: "3where" });
  });

  it("after `action.`: the action's parameters; in a comment: nothing", async () => {
    const c = new LspClient();
    await c.initialize();
    const { uri } = await c.open("spec/lst.stake");
    expect(await c.completion(uri, positionOf(LST, "a] > old", 0))).toEqual([
      { label: "a", kind: 5, detail: "a: Account" },
      { label: "amount", kind: 5, detail: "amount: 1 .. START" },
    ]);
    expect(await c.completion(uri, positionOf(LST, "never receives", 0))).toEqual([]);
    expect(await c.stop()).toBe(0);
  });

  it("in a declaration being typed: what it binds so far, and the globals", async () => {
    const { uri } = await client.open("spec/edit-typing.stake", POOL);
    const end = positionOf(POOL + "\n", "\n", POOL.split("\n").length - 1);
    const v2 = await client.change(uri, [{ range: { start: end, end }, text: "\naction drain(x: Account) by who: Account {\n  let y = bal[x]\n  require " }]);
    await client.diagnosticsFor(uri, v2);
    const got = (await client.completion(uri, { line: end.line + 3, character: 10 }))!.map((i) => i.label);
    expect(got.slice(0, GLOBALS.length + 3)).toEqual([...GLOBALS, "x", "who", "y"]);
  });
});

describe("outline", () => {
  it("every declaration, an action's parameters under it", async () => {
    const symbols = (await client.symbols(pool))!;
    expect(symbols.map((s) => [s.name, s.kind, s.detail, (s.children ?? []).map((c) => c.name).join(",")])).toEqual([
      ["N", 14, "3", ""],
      ["START", 14, "3", ""],
      ["MAX_REWARDS", 14, "2", ""],
      ["Account", 26, "0 .. N - 1", ""],
      ["Amount", 26, "0 .. N * START + MAX_REWARDS", ""],
      ["bal", 13, "map<Account, Amount>", ""],
      ["stake", 13, "map<Account, Amount>", ""],
      ["pending", 13, "map<Account, Amount>", ""],
      ["slashed", 13, "Amount", ""],
      ["minted", 13, "0 .. MAX_REWARDS", ""],
      ["deposit", 24, "action(a: Account) by caller", "caller,a"],
      ["unbond", 24, "action(a: Account) by caller", "caller,a"],
      ["withdraw", 24, "action(a: Account) by caller", "caller,a"],
      ["slash", 24, "action(a: Account)", "a"],
      ["reward", 24, "action(a: Account)", "a"],
      ["value_of", 12, "def(a: Account)", "a"],
      ["conservation", 7, "invariant", ""],
      ["slashing_within_stake", 7, "invariant", ""],
      ["no_unauthorized_withdrawal", 7, "step property", ""],
    ]);
    expect(symbols[10].range).toEqual(range(23, 0, 28, 1));
    expect(symbols[10].selectionRange).toEqual(range(23, 7, 23, 14));
  });
});

describe("rename", () => {
  it("a local: its declaration and uses", async () => {
    expect(await client.prepareRename(pool, at(POOL, "penalty\n  slashed"))).toEqual({ range: rangeOf(POOL, "penalty", 1), placeholder: "penalty" });
    expect(await client.rename(pool, at(POOL, "penalty\n  slashed"), "cut")).toEqual({
      changes: { [pool]: [0, 1, 2].map((n) => ({ range: rangeOf(POOL, "penalty", n), newText: "cut" })) },
    });
  });

  it("a global: every use in the spec", async () => {
    const edit = await client.rename(pool, at(POOL, "minted", 1), "issued");
    const uses = [...POOL.matchAll(/\bminted\b/g)].filter((m) => !POOL.slice(POOL.lastIndexOf("\n", m.index), m.index).includes("//")).length;
    expect(edit!.changes![pool]).toHaveLength(uses);
    expect(edit!.changes![pool].every((e) => e.newText === "issued")).toBe(true);
  });

  it("refuses a name taken, a keyword, a built-in, and a spec that does not parse", async () => {
    await expect(client.rename(pool, at(POOL, "penalty\n  slashed"), "bal")).rejects.toThrow("`bal` is already declared at line 18: stakecheck does not shadow names");
    await expect(client.rename(pool, at(POOL, "penalty\n  slashed"), "where")).rejects.toThrow("`where` is reserved or built in: choose another name");
    await expect(client.rename(pool, at(POOL, "penalty\n  slashed"), "2x")).rejects.toThrow("`2x` is not a name");
    await expect(client.prepareRename(pool, at(POOL, "div_up"))).rejects.toThrow("`div_up` is built in and cannot be renamed");
    const { uri } = await client.open("spec/edit-broken.stake", POOL.replace("bal[a] -= 1\n", "bal[a] -= \n"));
    await expect(client.rename(uri, at(POOL, "penalty\n  slashed"), "cut")).rejects.toThrow("the spec has a syntax error");
  });
});

describe("a half-typed file", () => {
  it("typing a declaration a character at a time: every request answers, and the end is clean", async () => {
    const { uri, version } = await client.open("spec/edit-half-typed.stake", POOL);
    await client.diagnosticsFor(uri, version);
    const typed = "\ninvariant typed: all(x in Account: stake[x] + bal[x] <= value_of(x)) // done\n";
    let line = POOL.split("\n").length - 1;
    let character = 0;
    let last = version;
    let sofar = "";
    for (const ch of typed) {
      sofar += ch;
      const at = { line, character };
      last = await client.change(uri, [{ range: { start: at, end: at }, text: ch }]);
      if (ch === "\n") {
        line++;
        character = 0;
      } else character++;
      const cursor = { line, character };
      // Every request at the cursor, as an editor sends them while typing; none may fail.
      const answers = await Promise.all([
        client.hover(uri, cursor),
        client.definition(uri, cursor),
        client.references(uri, cursor),
        client.completion(uri, cursor),
        client.symbols(uri),
        client.codeLenses(uri),
        client.prepareRename(uri, cursor).catch((e: Error) => (e.message.includes("syntax error") || e.message.includes("built in") ? null : Promise.reject(e))),
      ]);
      // Completion offers something everywhere but in the comment.
      expect(answers[3]!.length > 0, JSON.stringify(sofar)).toBe(!/\/\/.*$/.test(sofar));
    }
    expect(await client.diagnosticsFor(uri, last)).toEqual([]);
    expect((await client.symbols(uri))!.map((s) => s.name).pop()).toBe("typed");
    expect(client.stderr).toBe("");
  });
});
