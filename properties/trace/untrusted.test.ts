// The small guards between a counterexample file's text and everything else, pinned exactly
// (mutation testing left them almost unexamined): where broken JSON is said to break
// (json-error.ts), how deep a file may nest (untrusted.ts), how a trace's strings are made inert,
// and which files a `replay DIR` means (files.ts). Hand-written tables, plus seeded properties
// against independent oracles (JSON.parse, the depth of the parsed value).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/lang/read.js";
import { TRACE_SUFFIX, traceFiles } from "../../src/trace/files.js";
import { locateJsonError } from "../../src/trace/json-error.js";
import { defuse, MAX_JSON_DEPTH, nestingBeyond } from "../../src/trace/untrusted.js";

describe("locateJsonError: where and why a text is not JSON", () => {
  // [text, truncated, line, col, expected], worked out by hand from the JSON grammar.
  const cases: [string, boolean, number, number, string][] = [
    ["", true, 1, 1, "a value"],
    ["   ", true, 1, 4, "a value"],
    ['{"a":}', false, 1, 6, "a value"],
    ["[1,2", true, 1, 5, "`,` or `]`"],
    ["[1 2]", false, 1, 4, "`,` or `]`"],
    ["[1,]", false, 1, 4, "a value"],
    ['{"a" 1}', false, 1, 6, "`:` after the property name"],
    ["{a:1}", false, 1, 2, "a property name in double quotes"],
    ['{"a":1,}', false, 1, 8, "a property name in double quotes"],
    ['{"a":1 "b":2}', false, 1, 8, "`,` or `}`"],
    ['{"a":1', true, 1, 7, "`,` or `}`"],
    ['{"a"', true, 1, 5, "`:` after the property name"],
    ['"abc', true, 1, 5, 'the end of the string (`"`)'],
    ['"a\\', true, 1, 4, 'the end of the string (`"`)'],
    ['"a\nb"', false, 1, 3, 'the end of the string (`"`) before the line ends'],
    ['"a\tb"', false, 1, 3, 'the end of the string (`"`) before the line ends'],
    ['"\\x"', false, 1, 3, 'an escape such as `\\n` or `\\"`'],
    ['"\\u12"', true, 1, 7, "four hex digits after `\\u`"],
    ['"\\u12zz"', false, 1, 3, "four hex digits after `\\u`"],
    ["tru", true, 1, 4, "a value"],
    ["nul", true, 1, 4, "a value"],
    ["fals", true, 1, 5, "a value"],
    ["nulx", false, 1, 1, "a value"],
    ["True", false, 1, 1, "a value"],
    ["-", false, 1, 1, "a value"],
    ["-x", false, 1, 1, "a value"],
    ["+1", false, 1, 1, "a value"],
    ["1 2", false, 1, 3, "the end of the file after the JSON value"],
    ["01", false, 1, 2, "the end of the file after the JSON value"],
    ["1.", false, 1, 2, "the end of the file after the JSON value"],
    ['{"a":1}}', false, 1, 8, "the end of the file after the JSON value"],
    ['{\n  "a": 1,\n  "b": }', false, 3, 8, "a value"],
    ['{\r\n"a" 1}', false, 2, 5, "`:` after the property name"],
    ["[\n\n", true, 3, 1, "a value"],
  ];

  it.each(cases.map((c) => [JSON.stringify(c[0]), ...c] as const))("%s", (_, text, truncated, line, col, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ truncated, line, col, expected });
  });

  it("null for JSON, whatever its whitespace, escapes, numbers and words", () => {
    for (const text of [
      "[]",
      "{}",
      "{ }",
      "[ ]",
      "[\t1\t]",
      "[\r1\r]",
      '\n {"a" :\n[true ,false, null, -1.5e+3, 0, 10, 2E-2, "\\u00e9\\uABCD\\n\\/\\b\\f\\r\\t\\\\\\""]}\r\n',
      '""',
      "-0",
    ]) {
      expect(() => JSON.parse(text), text).not.toThrow();
      expect(locateJsonError(text), text).toBeNull();
    }
  });

  it("points at the first character JSON.parse cannot take: a valid prefix, then the rest does not continue it", () => {
    // Oracle: a text is a prefix of some JSON text exactly when appending characters can repair it;
    // here, cutting a JSON text at the located offset leaves a text that is `truncated` there.
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom(",", "]", "}", ":", "x", " 1"), (json, at, junk) => {
        const i = json.length ? at % (json.length + 1) : 0;
        const text = json.slice(0, i) + junk + json.slice(i);
        const e = locateJsonError(text);
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(e === null).toBe(parses);
        if (e === null) return;
        const lines = text.split("\n");
        const offset = lines.slice(0, e.line - 1).reduce((s, l) => s + l.length + 1, 0) + e.col - 1;
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
        expect(e.truncated).toBe(offset === text.length);
        // Everything before the offset is a prefix of a JSON text: the locator on that prefix alone
        // says the text ended early.
        const prefix = locateJsonError(text.slice(0, offset));
        if (prefix !== null) expect(prefix.truncated).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("nestingBeyond: refusing deep files before anything recurses", () => {
  it("the offset of the bracket that goes one level too deep, brackets in strings not counted", () => {
    expect(MAX_JSON_DEPTH).toBe(200);
    expect(nestingBeyond("[[1]]", 2)).toBeNull();
    expect(nestingBeyond("[[1]]", 1)).toBe(1);
    expect(nestingBeyond("[[[]]]", 1)).toBe(1);
    expect(nestingBeyond("[[[]]]", 0)).toBe(0);
    expect(nestingBeyond('{"a":[{}]}', 2)).toBe(6);
    expect(nestingBeyond('{"a":[{}]}', 3)).toBeNull();
    expect(nestingBeyond("[][][][]", 1)).toBeNull();
    expect(nestingBeyond("{}{}{}[]", 1)).toBeNull();
    expect(nestingBeyond('["[[[[", "{{{{"]', 1)).toBeNull();
    expect(nestingBeyond('["\\"[[", []]', 1)).toBe(9);
    expect(nestingBeyond('["\\\\", [[]]]', 2)).toBe(8);
    expect(nestingBeyond('["\\\\"]', 0)).toBe(0);
    expect(nestingBeyond("1", 0)).toBeNull();
    expect(nestingBeyond("", 0)).toBeNull();
    expect(nestingBeyond("[".repeat(201) + "]".repeat(201), MAX_JSON_DEPTH)).toBe(200);
    expect(nestingBeyond("[".repeat(200) + "]".repeat(200), MAX_JSON_DEPTH)).toBeNull();
  });

  const depth = (v: unknown): number => (typeof v === "object" && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);

  it("agrees with the depth of the parsed value (seeded)", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "medium" }), (text) => {
        const d = depth(JSON.parse(text));
        expect(nestingBeyond(text, d)).toBeNull();
        if (d === 0) return;
        const at = nestingBeyond(text, d - 1);
        expect(at).not.toBeNull();
        expect("[{").toContain(text[at!]);
        // Cut just after that bracket: the nesting there is exactly d.
        expect(nestingBeyond(text.slice(0, at! + 1), d - 1)).toBe(at);
        expect(nestingBeyond(text.slice(0, at!), d - 1)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe("defuse: a trace's strings made inert", () => {
  it("writes C0 and C1 controls, DEL, U+2028 and U+2029 as visible escapes, and nothing else", () => {
    expect(defuse("a\u0000b\u001fc\u007fd\u0080e\u009ff\u2028g\u2029h")).toBe("a\\u0000b\\u001fc\\u007fd\\u0080e\\u009ff\\u2028g\\u2029h");
    expect(defuse("\n::error::forged\r")).toBe("\\u000a::error::forged\\u000d");
    expect(defuse(" ~\u00a0\u00ff\u2027\u202a é\u{1f600}")).toBe(" ~\u00a0\u00ff\u2027\u202a é\u{1f600}");
  });

  it("keys and values, through arrays and objects; other values untouched", () => {
    expect(defuse({ "a\nb": ["\r", 1, null, true, { "\u2028": "x\u0085" }], n: -2.5 })).toEqual({ "a\\u000ab": ["\\u000d", 1, null, true, { "\\u2028": "x\\u0085" }], n: -2.5 });
    expect(defuse(null)).toBeNull();
    expect(defuse(7)).toBe(7);
    expect(defuse(false)).toBe(false);
    expect(defuse([])).toEqual([]);
  });

  it("a `__proto__` key stays an own key and sets no prototype", () => {
    const out = defuse(JSON.parse('{"__proto__": {"polluted": 1}, "k\\n": 2}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "k\\u000a"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ polluted: 1 });
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("traceFiles: what `replay FILE|DIR...` means", () => {
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-trace-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ["b.itf.json", "a.itf.json", "B.itf.json", "notes.txt", "x.json", "itf.json", "sub/c.itf.json", "sub/deeper/d.itf.json", "z.itf.json/y.itf.json"]) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), "{}");
  }

  it("a directory: its *.itf.json files, searched recursively, sorted by name (code-unit order)", () => {
    expect(TRACE_SUFFIX).toBe(".itf.json");
    expect(traceFiles([dir]).map((f) => f.slice(dir.length + 1))).toEqual(["B.itf.json", "a.itf.json", "b.itf.json", "sub/c.itf.json", "sub/deeper/d.itf.json", "z.itf.json/y.itf.json"]);
  });

  it("files as given, whatever their name, in the order given, each once", () => {
    const notes = join(dir, "notes.txt");
    const a = join(dir, "a.itf.json");
    expect(traceFiles([notes, join(dir, "sub"), a, notes])).toEqual([notes, join(dir, "sub/c.itf.json"), join(dir, "sub/deeper/d.itf.json"), a]);
    expect(traceFiles([join(dir, "sub"), join(dir, "sub/c.itf.json")])).toEqual([join(dir, "sub/c.itf.json"), join(dir, "sub/deeper/d.itf.json")]);
    expect(traceFiles([])).toEqual([]);
  });

  it("a path that does not exist is an InputError naming it", () => {
    const missing = join(dir, "gone");
    expect(() => traceFiles([join(dir, "a.itf.json"), missing])).toThrow(InputError);
    expect(() => traceFiles([missing])).toThrow(`${missing}: no such file or directory`);
  });
});
