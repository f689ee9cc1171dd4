// A line comment ends where an editor or a diff view shows the line ending: at LF, CR, LS (U+2028),
// PS (U+2029) or NEL (U+0085). Before, `// note\rinvariant small: x <= 1` hid an invariant that
// every editor shows on its own line (issue 19): it was silently never checked.

import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/api/load.js";
import { check } from "../../src/api/check.js";
import { specFromText } from "../support/load.js";

const text = (eol: string) => `spec S\nvar x: 0 .. 3 = 0\naction inc() { x += 1 }\n// at most one increment${eol}invariant small: x <= 1\n`;

describe("line comments end at every line terminator", () => {
  it.each([
    ["LF", "\n"],
    ["CR", "\r"],
    ["CRLF", "\r\n"],
    ["LS", "\u2028"],
    ["PS", "\u2029"],
    ["NEL", "\u0085"],
  ])("%s: the invariant after the comment is declared and checked (violated in 2 steps)", (_, eol) => {
    const spec = specFromText(text(eol));
    expect(spec.invariants.map((p) => p.name)).toEqual(["small"]);
    const v = check(spec).result.violations.find((x) => x.property.name === "small");
    expect(v?.instances.length).toBe(2);
  });

  it("a diagnostic after a bare CR points at the line an editor shows (line 5)", () => {
    const loaded = loadSpecText(text("\r").replace("x <= 1", "x <= y"), "cr.stake");
    const err = loaded.diagnostics.find((d) => d.severity === "error")!;
    expect(err.message).toBe("unknown name `y`");
    expect(loaded.file.position(err.span.start)).toEqual({ line: 5, col: 23 });
    expect(loaded.file.lineText(5)).toBe("invariant small: x <= y");
  });

  it("LS, PS and NEL are white space between tokens too", () => {
    const spec = specFromText("spec S\u2028var x: 0 .. 3 = 0\u2029action inc() { x += 1 }\u0085invariant small: x <= 3\n");
    expect(spec.invariants.length).toBe(1);
  });
});
