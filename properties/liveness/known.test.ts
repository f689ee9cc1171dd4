// Small models with known liveness verdicts, with and without fairness. Each expected verdict is
// argued from first principles (TLA+'s semantics, as TLC checks it) next to the model: a behaviour
// may stutter forever unless a fair action is enabled; weak fairness (WF) forces an action that
// stays enabled forever, strong fairness (SF) one that is enabled infinitely often; "enabled" and
// "taken" count only steps that change the state. Every lasso found is confirmed independently
// (it replays, violates its property, and is fair), and every verdict is the same with the fair-
// cycle search's sequential short cut turned off.

import { describe, expect, it } from "vitest";
import { checkLive, shape, violationOf, type LiveRun } from "./support.js";

function both(text: string): LiveRun {
  const fast = checkLive(text);
  const slow = checkLive(text, { livenessShortcut: false });
  expect(slow.verdicts).toEqual(fast.verdicts);
  return fast;
}

const ONE = (fair: string) => `spec One
var x: 0 .. 1 = 0
${fair}action inc() {
  require x == 0
  x = 1
}
liveness done: eventually x == 1
liveness done_after: x == 0 ~> x == 1
`;

describe("one step that may never be taken", () => {
  it("without fairness the behaviour may stop at once: violated by a stutter in the initial state", () => {
    const r = both(ONE(""));
    expect(r.verdicts).toEqual({ done: "violated", done_after: "violated" });
    const v = violationOf(r, "done");
    expect(shape(v)).toEqual({ prefix: 0, loop: 0 });
    expect(v.lasso!.closing).toBe(-1);
    expect(violationOf(r, "done_after").lasso!.trigger).toBe(0);
  });

  it("weak fairness forces the step: inc stays enabled while x is 0", () => {
    expect(both(ONE("fair ")).verdicts).toEqual({ done: "holds", done_after: "holds" });
  });
});

const TOGGLE = (fair: string) => `spec Toggle
var on: bool = false
${fair}action flip() {
  on = not on
}
liveness sometimes: eventually on
liveness often: always eventually on
liveness settles: eventually always on
liveness reacts: not on ~> on
`;

describe("a switch flipped forever", () => {
  it("weakly fair flip: it is always enabled, so it is taken forever and `on` alternates", () => {
    const r = both(TOGGLE("fair "));
    // `eventually always on` fails: `on` is false again every other step, on the only fair behaviour.
    expect(r.verdicts).toEqual({ sometimes: "holds", often: "holds", settles: "violated", reacts: "holds" });
    expect(shape(violationOf(r, "settles"))).toEqual({ prefix: 0, loop: 2 });
  });

  it("without fairness every property fails by stopping in the initial state (`on` false)", () => {
    const r = both(TOGGLE(""));
    expect(r.verdicts).toEqual({ sometimes: "violated", often: "violated", settles: "violated", reacts: "violated" });
    for (const name of ["sometimes", "often", "settles", "reacts"]) expect(shape(violationOf(r, name))).toEqual({ prefix: 0, loop: 0 });
  });
});

const BLINKER = (toggle: string, go: string) => `spec Blinker
var x: 0 .. 1 = 0
var y: bool = false
${toggle}action toggle() {
  require x == 0
  y = not y
}
${go}action go() {
  require y
  x = 1
}
liveness done: eventually x == 1
`;

describe("weak and strong fairness differ on an action enabled only now and then", () => {
  it("weakly fair go: toggling forever leaves go enabled every other state, never continuously: violated", () => {
    const r = both(BLINKER("fair ", "fair "));
    expect(r.verdicts).toEqual({ done: "violated" });
    expect(shape(violationOf(r, "done"))).toEqual({ prefix: 0, loop: 2 });
  });

  it("strongly fair go: enabled infinitely often, so it is eventually taken: holds", () => {
    expect(both(BLINKER("fair ", "strong fair ")).verdicts).toEqual({ done: "holds" });
  });

  it("go not fair: violated the same way", () => {
    expect(both(BLINKER("fair ", "")).verdicts).toEqual({ done: "violated" });
  });

  it("toggle not fair: stopping at once is fair (go is disabled while y is false): a stutter", () => {
    const r = both(BLINKER("", "strong fair "));
    expect(r.verdicts).toEqual({ done: "violated" });
    expect(shape(violationOf(r, "done"))).toEqual({ prefix: 0, loop: 0 });
  });
});

const ROOMS = (side: string, exit: string) => `spec Rooms
var x: 0 .. 3 = 0
fair action up() {
  require x == 0
  x = 1
}
fair action down() {
  require x == 1
  x = 0
}
${side}action side() {
  require x == 1
  x = 2
}
action back() {
  require x == 2
  x = 1
}
${exit}action exit() {
  require x == 2
  x = 3
}
liveness out: eventually x == 3
`;

describe("strong fairness needs smaller cycles (Emerson-Lei)", () => {
  // x in {0, 1, 2} is one strongly connected component; exit leaves it from 2.
  it("side not fair, exit strong: the cycle 0 -> 1 -> 0 never enables exit and is fair: violated", () => {
    // The whole component fails SF(exit) (enabled in 2, never taken); without state 2 the cycle
    // 0 <-> 1 takes up and down and never enables exit.
    const r = both(ROOMS("", "strong fair "));
    expect(r.verdicts).toEqual({ out: "violated" });
    expect(shape(violationOf(r, "out"))).toEqual({ prefix: 0, loop: 2 });
  });

  it("side strong, exit strong: side is enabled in 1 infinitely often, so 2 is visited infinitely often, so exit is taken: holds", () => {
    // WF(up) forces 0 -> 1; a fair behaviour is in 1 infinitely often; SF(side) then takes it to 2
    // infinitely often; SF(exit) then forces x = 3.
    expect(both(ROOMS("strong fair ", "strong fair ")).verdicts).toEqual({ out: "holds" });
  });

  it("side strong, exit weak: exit is enabled in 2 only, which the loop leaves by back: violated", () => {
    const r = both(ROOMS("strong fair ", "fair "));
    expect(r.verdicts).toEqual({ out: "violated" });
    // 0 -> 1 -> 2 -> 1 -> 0 takes up, side, back and down; exit is disabled in 0 and 1.
    expect(shape(violationOf(r, "out")).loop).toBeGreaterThanOrEqual(4);
  });

  it("side weak, exit strong: side is disabled in 0, so the loop 0 <-> 1 meets WF(side): violated", () => {
    expect(both(ROOMS("fair ", "strong fair ")).verdicts).toEqual({ out: "violated" });
  });
});

describe("stuttering", () => {
  it("a fair action that is no longer enabled forces nothing: a behaviour stops where nothing is enabled", () => {
    const r = both(`spec Stop
var x: 0 .. 2 = 0
fair action advance() {
  require x < 1
  x += 1
}
liveness two: eventually x == 2
`);
    expect(r.verdicts).toEqual({ two: "violated" });
    expect(shape(violationOf(r, "two"))).toEqual({ prefix: 1, loop: 0 });
  });

  it("a fair action whose step changes nothing is never enabled as <A>_vars: it forces nothing", () => {
    const r = both(`spec Idle
var x: 0 .. 1 = 0
fair action idle() {
  x = x
}
action raise() {
  x = 1
}
liveness set_eventually: eventually x == 1
`);
    expect(r.verdicts).toEqual({ set_eventually: "violated" });
    const v = violationOf(r, "set_eventually");
    expect(shape(v)).toEqual({ prefix: 0, loop: 0 });
    // Self-loops are not kept as edges.
    expect(r.result.liveness!.edges).toBe(1);
  });
});

describe("the four kinds", () => {
  it("a value that only falls: eventually (true at first) holds, always eventually fails, leads-to holds", () => {
    const r = both(`spec Fade
var x: 0 .. 2 = 2
fair action fade() {
  require x > 0
  x -= 1
}
liveness starts_high: eventually x == 2
liveness high_often: always eventually x == 2
liveness falls: x == 2 ~> x == 0
liveness stays_low: eventually always x == 0
`);
    expect(r.verdicts).toEqual({ starts_high: "holds", high_often: "violated", falls: "holds", stays_low: "holds" });
    const v = violationOf(r, "high_often");
    // 2 -> 1 -> 0, then nothing is enabled: a stutter in 0; x == 2 is false from state 1 on.
    expect(shape(v)).toEqual({ prefix: 2, loop: 0 });
    expect(v.lasso!.trigger).toBe(1);
  });
});

describe("properties with binders are checked per value", () => {
  const ACCOUNTS = `spec Accounts
type A = 0 .. 2
var pending: map<A, 0 .. 1> = 0
action request(a: A) {
  require pending[a] == 0
  pending[a] = 1
}
fair action pay(a: A) {
  require pending[a] == 1 and a != 2
  pending[a] = 0
}
liveness paid: all(a in A: pending[a] == 1 ~> pending[a] == 0)
liveness never: all(a in A: pending[a] == 2 ~> pending[a] == 0)
`;

  it("account 2 is never paid: only its instance fails; a stutter after its request", () => {
    const r = both(ACCOUNTS);
    expect(r.verdicts).toEqual({ paid: "violated", never: "holds" });
    expect(r.result.liveness!.properties[0]!.failing).toEqual([[2]]);
    const v = violationOf(r, "paid");
    expect(v.lasso!.binding).toEqual([2]);
    expect(shape(v)).toEqual({ prefix: 1, loop: 0 });
  });

  it("reports vacuity (P never holds) and fair groups never enabled", () => {
    const r = both(ACCOUNTS);
    expect(r.result.liveness!.properties[1]!.vacuous).toEqual([[0], [1], [2]]);
    expect(r.result.liveness!.neverEnabled).toEqual([{ action: 1, params: [[2]], of: 3 }]);
  });
});
