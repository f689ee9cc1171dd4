// Random small specs for the fuzzer's properties: two or three bounded int vars, a few actions
// with a parameter, random guards and effects (which may leave their ranges: well_typed),
// random invariants and step properties. Small enough for exhaustive BFS to be the oracle.

import fc from "fast-check";

const VARS = ["x", "y", "z"];
const HI = 6;

function atom(vars: readonly string[], withParam: boolean): fc.Arbitrary<string> {
  const options = [...vars, ...(withParam ? ["p"] : [])];
  return fc.oneof(fc.constantFrom(...options), fc.integer({ min: 0, max: 3 }).map(String));
}

function sum(vars: readonly string[], withParam: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    atom(vars, withParam),
    fc.tuple(atom(vars, withParam), fc.constantFrom("+", "-"), atom(vars, withParam)).map(([a, op, b]) => `${a} ${op} ${b}`),
  );
}

function comparison(vars: readonly string[], withParam: boolean): fc.Arbitrary<string> {
  return fc.tuple(sum(vars, withParam), fc.constantFrom("<", "<=", "==", "!=", ">=", ">"), sum(vars, withParam)).map(([a, op, b]) => `${a} ${op} ${b}`);
}

const action = (vars: readonly string[], k: number) =>
  fc
    .record({
      param: fc.boolean(),
      guard: fc.option(comparison(vars, true), { nil: undefined }),
      effects: fc.array(fc.tuple(fc.constantFrom(...vars), fc.constantFrom("=", "+=", "-="), sum(vars, true)), { minLength: 1, maxLength: 2 }),
    })
    .map(({ param, guard, effects }) => {
      const uses = (s: string) => /\bp\b/.test(s);
      const needsP = (guard !== undefined && uses(guard)) || effects.some(([, , e]) => uses(e));
      const head = param || needsP ? `action a${k}(p: 0 .. 2) {` : `action a${k}() {`;
      const body = [...(guard ? [`  require ${guard}`] : []), ...effects.map(([v, op, e]) => `  ${v} ${op} ${e}`)];
      return [head, ...body, "}"].join("\n");
    });

/** The text of a random small spec. */
export const smallSpec: fc.Arbitrary<string> = fc
  .integer({ min: 2, max: 3 })
  .chain((nVars) => {
    const vars = VARS.slice(0, nVars);
    return fc.record({
      vars: fc.constant(vars),
      inits: fc.array(fc.integer({ min: 0, max: HI }), { minLength: nVars, maxLength: nVars }),
      actions: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => action(vars, k)))),
      invariants: fc.array(comparison(vars, false), { minLength: 0, maxLength: 2 }),
      steps: fc.array(
        fc.tuple(fc.constantFrom(...vars), fc.constantFrom("<=", ">=", "!="), fc.integer({ min: 0, max: 3 })).map(([v, op, c]) => `${v} ${op} old(${v}) + ${c}`),
        { minLength: 0, maxLength: 1 },
      ),
    });
  })
  .map(({ vars, inits, actions, invariants, steps }) =>
    [
      "spec Small",
      ...vars.map((v, i) => `var ${v}: 0 .. ${HI} = ${inits[i]}`),
      ...actions,
      ...invariants.map((e, k) => `invariant i${k}: ${e}`),
      ...steps.map((e, k) => `step s${k}: ${e}`),
    ].join("\n"),
  );
