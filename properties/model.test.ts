// The compiled model's contract: flat states decode to readable values and encode back exactly,
// instance numbers round-trip, and generated code never contains a spec's names or literals.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModel } from "../src/compile/compile.js";
import { ENABLED } from "../src/model/model.js";
import { loadSpecText } from "../src/api/load.js";
import { fcChoose, randomSpec } from "./support/random-spec.js";
import { modelFromFile, specFromText } from "./support/load.js";

describe("compiled model", () => {
  it("encode(decode(s)) = s along random walks of random specs, and instances round-trip", () => {
    fc.assert(
      fc.property(fc.gen(), fc.nat(), (g, seed) => {
        const model = compileModel(specFromText(randomSpec(fcChoose(g))));
        const s = new Int32Array(model.width);
        const d = new Int32Array(model.width);
        model.init(s);
        let r = seed;
        for (let step = 0; step < 20; step++) {
          const back = model.encode(model.decode(s));
          expect("state" in back && Array.from(back.state)).toEqual(Array.from(s));
          const enabled: number[] = [];
          for (let i = 0; i < model.instanceCount; i++) {
            const { action, args } = model.decodeInstance(i);
            expect(model.encodeInstance(action, args)).toBe(i);
            if (model.apply(s, d, i) === ENABLED) enabled.push(i);
          }
          if (enabled.length === 0) break;
          r = (Math.imul(r, 1103515245) + 12345) >>> 0;
          model.apply(s, d, enabled[r % enabled.length]);
          s.set(d);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("decodes into the readable shape and rejects values that do not fit", () => {
    const model = modelFromFile("spec/anchor-bft.stake", { N: 4, F: 1 });
    const s = new Int32Array(model.width);
    model.init(s);
    expect(model.decode(s)).toEqual({ votes: { 0: [], 1: [], 2: [], 3: [] } });
    expect(model.encode({ votes: { 0: ["A", "B"], 1: [], 2: ["B"], 3: [] } })).toEqual({ state: Int32Array.from([3, 0, 2, 0]) });
    expect(model.encode({ votes: { 0: ["C"], 1: [], 2: [], 3: [] } })).toEqual({ errors: ['votes[0] element: expected one of A, B, found "C"'] });
    expect(model.encode({ votes: { 0: [], 1: [], 2: [] } })).toEqual({ errors: ["votes: key 3 is missing"] });
    expect(model.encode({})).toEqual({ errors: ["votes: missing"] });
  });

  it("never splices a spec's names or literals into generated code", () => {
    // The same spec twice, once with names that mean something to JavaScript: the generated code
    // must not differ, so no name can have reached it.
    const hostile = `spec Hostile
const constructor = 2
type isPrototypeOf = 0 .. constructor
type toString = enum { valueOf, hasOwnProperty }
var zebra_balance: map<isPrototypeOf, 0 .. 9> = 7
var prototype: toString = hasOwnProperty
action return(arguments: isPrototypeOf) by this: isPrototypeOf {
  require this == arguments
  zebra_balance[arguments] = 9
  prototype = valueOf
}
invariant eval: zebra_balance[0] <= 9 and prototype != valueOf or true
`;
    const plain = hostile
      .replace(/Hostile/g, "Plain").replace(/constructor/g, "c1").replace(/isPrototypeOf/g, "T1").replace(/toString/g, "T2")
      .replace(/valueOf/g, "E1").replace(/hasOwnProperty/g, "E2").replace(/zebra_balance/g, "v1").replace(/prototype/g, "v2")
      .replace(/return/g, "a1").replace(/arguments/g, "p1").replace(/this/g, "p2").replace(/eval/g, "i1");
    const model = compileModel(specFromText(hostile));
    expect(model.source).toBe(compileModel(specFromText(plain)).source);
    expect(model.source).not.toMatch(/zebra_balance|isPrototypeOf|hasOwnProperty|valueOf/);
    const s = new Int32Array(model.width);
    model.init(s);
    expect(model.decode(s)).toEqual({ zebra_balance: { 0: 7, 1: 7, 2: 7 }, prototype: "hasOwnProperty" });
    const d = new Int32Array(model.width);
    expect(model.apply(s, d, model.encodeInstance(0, [1, 1]))).toBe(ENABLED);
    expect(model.decode(d)).toEqual({ zebra_balance: { 0: 7, 1: 9, 2: 7 }, prototype: "valueOf" });
    const back = model.encode(model.decode(d));
    expect("state" in back && Array.from(back.state)).toEqual(Array.from(d));
  });

  it("refuses __proto__ as any name, since states are objects keyed by name", () => {
    const loaded = loadSpecText(`spec P
type __proto__ = 0 .. 1
type R = { __proto__: 0 .. 1 }
var x: 0 .. 1 = 0
action a(__proto__: 0 .. 1) { x = 1 }
invariant i: x <= 1
`);
    const errors = loaded.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file.position(d.span.start).line}: ${d.message}`);
    expect(errors).toEqual([
      "2: `__proto__` is reserved: it is a special property name in JavaScript, where states are objects keyed by name",
      "3: `__proto__` is reserved: it is a special property name in JavaScript, where states are objects keyed by name",
      "5: `__proto__` is reserved: it is a special property name in JavaScript, where states are objects keyed by name",
    ]);
  });
});
