// Reading ITF expressions (fromItf): every value form, and every way a value can be wrong, with the
// exact place and words of the message. Hand-written golden table; the lenient forms ITF allows
// (plain integers, #tup for a list, map entries in any order) are included.

import { describe, expect, it } from "vitest";
import { fromItf } from "../../src/trace/itf.js";

const a = (n: number) => "a".repeat(n);

describe("fromItf", () => {
  const values: [string, unknown, unknown][] = [
    ["a bool", true, true],
    ["a string (an enum member)", "A", "A"],
    ["a plain integer", -3, -3],
    ["the largest safe integer", Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ["the smallest safe integer", -Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
    ["a #bigint", { "#bigint": "12" }, 12],
    ["a negative #bigint", { "#bigint": "-7" }, -7],
    ["the largest safe #bigint", { "#bigint": "9007199254740991" }, 9007199254740991],
    ["a #set", { "#set": [1, { "#bigint": "2" }] }, [1, 2]],
    ["an empty #tup", { "#tup": [] }, []],
    ["a nested list", [1, [true, "B"]], [1, [true, "B"]]],
    ["a #map, entries in any order", { "#map": [[{ "#bigint": "2" }, false], [1, true]] }, { 2: false, 1: true }],
    ["a #map keyed by a string", { "#map": [["A", { "#set": [] }]] }, { A: [] }],
    ["a record", { a: 1, b: [true] }, { a: 1, b: [true] }],
    ["an empty record", {}, {}],
  ];
  it.each(values)("%s", (_, json, value) => {
    expect(fromItf(json, "x")).toEqual({ value });
  });

  const errors: [string, unknown, string][] = [
    ["a fraction", 1.5, "x: 1.5 is not a whole number"],
    ["an unsafe integer", 2 ** 53, "x: 9007199254740992 is too large"],
    ["null", null, "x: null is not an ITF value"],
    ["nothing", undefined, "x: nothing is not an ITF value"],
    ["a #bigint that is a number", { "#bigint": 12 }, 'x: "#bigint" must be a string of digits, found 12'],
    ["a #bigint in exponent form", { "#bigint": "1e3" }, 'x: "#bigint" must be a string of digits, found "1e3"'],
    ["a #bigint with a space", { "#bigint": " 1" }, 'x: "#bigint" must be a string of digits, found " 1"'],
    ["a #bigint with a trailing newline", { "#bigint": "1\n" }, 'x: "#bigint" must be a string of digits, found "1\\n"'],
    ["an empty #bigint", { "#bigint": "" }, 'x: "#bigint" must be a string of digits, found ""'],
    ["a #bigint of a sign alone", { "#bigint": "-" }, 'x: "#bigint" must be a string of digits, found "-"'],
    ["a #bigint too large", { "#bigint": "99999999999999999999" }, "x: 99999999999999999999 is too large"],
    ["a #bigint, 58 letters: shown whole", { "#bigint": a(58) }, `x: "#bigint" must be a string of digits, found "${a(58)}"`],
    ["a #bigint, 59 letters: cut at 57 characters", { "#bigint": a(59) }, `x: "#bigint" must be a string of digits, found "${a(56)}...`],
    ["a #set that is not an array", { "#set": 1 }, 'x: "#set" must hold an array, found 1'],
    ["a #tup that is not an array", { "#tup": "a" }, 'x: "#tup" must hold an array, found "a"'],
    ["a #map that is not an array", { "#map": 3 }, 'x: "#map" must hold an array of [key, value] pairs, found 3'],
    ["a #map entry that is not a pair", { "#map": [[1, 2], [1]] }, 'x: "#map" entry 1 must be a [key, value] pair, found [1]'],
    ["a #map entry of three", { "#map": [[1, 2, 3]] }, 'x: "#map" entry 0 must be a [key, value] pair, found [1,2,3]'],
    ["a #map entry that is an object", { "#map": [{ 0: 1, 1: 2 }] }, 'x: "#map" entry 0 must be a [key, value] pair, found {"0":1,"1":2}'],
    ["a #map key twice", { "#map": [[1, 2], [{ "#bigint": "1" }, 3]] }, "x: key 1 appears twice"],
    ["a bad #map key", { "#map": [[1, 2], [1.5, 2]] }, "x key 1: 1.5 is not a whole number"],
    ["a bad #map value", { "#map": [[1, 2.5]] }, "x[1]: 2.5 is not a whole number"],
    ["two tags", { "#bigint": "1", "#set": [] }, "x: an ITF #bigint object has no other keys, found #bigint, #set"],
    ["a tag and a field", { "#set": [], a: 1 }, "x: an ITF #set object has no other keys, found #set, a"],
    ["an unknown tag", { "#list": [] }, 'x: "#list" is not an ITF form (expected #bigint, #set, #map or #tup)'],
    ["a bad field, deep", { a: { b: 1.5 } }, "x.a.b: 1.5 is not a whole number"],
    ["a bad element, deep", [1, [2, 0.5]], "x[1][1]: 0.5 is not a whole number"],
    ["a bad element of a #set", { "#set": [1, null] }, "x[1]: null is not an ITF value"],
  ];
  it.each(errors)("%s", (_, json, error) => {
    expect(fromItf(json, "x")).toEqual({ error });
  });

  it("a `__proto__` field or map key stays an own key and sets no prototype", () => {
    const r = fromItf(JSON.parse('{"__proto__": {"polluted": 1}}'), "x") as { value: Record<string, unknown> };
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value)).toEqual(["__proto__"]);
    const m = fromItf({ "#map": [["__proto__", 1]] }, "x") as { value: Record<string, unknown> };
    expect(Object.getPrototypeOf(m.value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(m.value, "__proto__")?.value).toBe(1);
  });
});
