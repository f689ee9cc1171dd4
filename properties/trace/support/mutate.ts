// Malformed counterexample files, made from a valid one: each case is a name and how to break it.

import { readFileSync } from "node:fs";

export const VALID = "counterexamples/pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json";

type J = Record<string, any>;

/** The cases edit `#meta`: Quint's MBT variables, which must agree with it, are taken out first
 * (as in a format-1 file), except for the cases about them (`mbt`). */
function edit(f: (j: J) => void, mbt = false): (text: string) => string {
  return (text) => {
    const j = JSON.parse(text);
    if (!mbt) {
      j.vars = j.vars.filter((v: string) => !v.startsWith("mbt::"));
      for (const s of j.states) for (const k of Object.keys(s)) if (k.startsWith("mbt::")) delete s[k];
    }
    f(j);
    return JSON.stringify(j, null, 2);
  };
}

export const MALFORMED: readonly { readonly name: string; readonly make: (valid: string) => string }[] = [
  { name: "truncated JSON", make: (t) => t.slice(0, Math.floor(t.length * 0.6)) },
  { name: "a syntax error", make: (t) => t.replace('"vars": [', '"vars": [,') },
  { name: "an empty file", make: () => "" },
  { name: "not an object", make: () => "[1, 2, 3]" },
  { name: "an ITF trace from another tool", make: edit((j) => delete j["#meta"]["stakecheck-format"]) },
  { name: "a newer format version", make: edit((j) => (j["#meta"]["stakecheck-format"] = 9)) },
  { name: "a missing variable", make: edit((j) => delete j.states[2].pending) },
  { name: "a negative index", make: edit((j) => (j.states[1]["#meta"].index = -1)) },
  { name: "indexes out of order", make: edit((j) => (j.states[2]["#meta"].index = 5)) },
  { name: "a missing action", make: edit((j) => delete j.states[3]["#meta"].action) },
  { name: "an unknown action", make: edit((j) => (j.states[3]["#meta"].action = "withdrw")) },
  { name: "a wrong parameter name", make: edit((j) => (j.states[3]["#meta"].params = { b: { "#bigint": "0" } })) },
  { name: "a missing caller", make: edit((j) => delete j.states[1]["#meta"].caller) },
  { name: "a bad #bigint", make: edit((j) => (j.states[1].slashed = { "#bigint": "1a" })) },
  { name: "a wrong type", make: edit((j) => (j.states[2].bal["#map"][1][1] = "three")) },
  { name: "a value outside its type", make: edit((j) => (j.states[2].minted = { "#bigint": "7" })) },
  { name: "a parameter outside its type", make: edit((j) => (j.states[3]["#meta"].params.a = { "#bigint": "5" })) },
  { name: "an unknown ITF tag", make: edit((j) => (j.states[0].stake = { "#list": [] })) },
  { name: "a map entry that is not a pair", make: edit((j) => j.states[0].bal["#map"].push([{ "#bigint": "3" }])) },
  { name: "a bad sha256 and a wrong property kind", make: edit((j) => ((j["#meta"].spec.sha256 = "abc"), (j["#meta"].violation.kind = "fairness"))) },
  { name: "an unknown property", make: edit((j) => (j["#meta"].violation.name = "no_unauthorised_withdrawal")) },
  { name: "a violation step that does not match the states", make: edit((j) => (j["#meta"].violation.step = 7)) },
  { name: "no states", make: edit((j) => (j.states = [])) },
  { name: "an unknown variable", make: edit((j) => (j.vars = [...j.vars, "ghost"])) },
  { name: "mbt::actionTaken disagrees with #meta", make: edit((j) => (j.states[2]["mbt::actionTaken"] = "deposit"), true) },
  { name: "mbt::nondetPicks disagrees with #meta", make: edit((j) => (j.states[3]["mbt::nondetPicks"].caller.value = { "#bigint": "0" }), true) },
  { name: "mbt::nondetPicks is not a record", make: edit((j) => (j.states[1]["mbt::nondetPicks"] = [1]), true) },
];

export function validText(): string {
  return readFileSync(VALID, "utf8");
}
