// A spec's comments, names and path reach the generated module only as escaped comment lines and
// string literals: a spec whose comments hold every JavaScript line terminator (CR, LF, LS, PS,
// and NEL, which editors treat as one) and `*/` yields a module that does nothing when imported
// (issue 19: a CR or U+2028 in a comment made the generated module run `process.exit(9)`).

import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/api/load.js";
import { generateTypeScript } from "../../src/compile/ts/emit.js";
import { load, typeErrors } from "../codegen/support.js";

const payload = (n: number) => `globalThis.__stakecheckPwned = ${n}; throw new Error("pwned ${n}");`;

// Block comments may hold any character in .stake; each line terminator in turn hides a payload.
const HOSTILE = `/* header\r${payload(1)} */
spec Hostile
/* a const\u2028${payload(2)} */
const N = 2
/* a type\u2029${payload(3)} */
type Account = 0 .. N - 1
/* a var\u0085${payload(4)}
   and a second line\r\n${payload(5)} */
var bal: map<Account, 0 .. 3> = 1
// ends the JSDoc early: */ ${payload(6)} /*
var seen: bool = false
/* an action\u2028${payload(7)} */
action move(a: Account) {
  require bal[a] >= 1 /* inline\u2028${payload(8)} */
  bal[a] -= 1 /* trailing */
  seen = true
}
/* an invariant\r${payload(9)} */
invariant small: all(a in Account: bal[a] <= 3)
`;

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__stakecheckPwned;
});

describe("codegen escapes every comment and string", () => {
  it("a spec with hostile comments: the module has no odd line terminators, type-checks, and imports without running any of them", async () => {
    const loaded = loadSpecText(HOSTILE, "hostile.stake");
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const text = await generateTypeScript(loaded.spec!, loaded.ast, { specPath: "hostile.stake" });
    expect(text).not.toMatch(/[\r\u2028\u2029\u0085]/);
    const m = { path: "hostile", spec: loaded.spec!, text };
    expect((await typeErrors([m])).modules).toBe("");
    const mod = await load(m);
    expect((globalThis as Record<string, unknown>).__stakecheckPwned).toBeUndefined();
    // ... and it is the real module: the initial state and a step work.
    expect(mod.step(mod.initialState, { action: "move", a: 0 })).toMatchObject({ seen: true });
  });

  it("a spec path and a regeneration command with line terminators stay inside their comment and strings", async () => {
    const loaded = loadSpecText(readFileSync("spec/pool.stake", "utf8"), "spec/pool.stake");
    for (const eol of ["\n", "\r", "\u2028", "\u2029"]) {
      const specPath = `spec/pool${eol}${payload(10)}//.stake`;
      const text = await generateTypeScript(loaded.spec!, loaded.ast, { specPath, command: `stakecheck codegen x${eol}${payload(11)}` });
      expect(text).not.toMatch(/[\r\u2028\u2029\u0085]/);
      await load({ path: "pool-hostile", spec: loaded.spec!, text });
      expect((globalThis as Record<string, unknown>).__stakecheckPwned).toBeUndefined();
    }
  });
});
