// The helper operators an export defines when it uses them: stakecheck's rounding helpers and the
// few sequence and set operators TLA+'s standard modules lack. Their parameters' names are their
// own: they come before every name of the spec in the module.

import { assertNever } from "../util/assert-never.js";
import type { Helper } from "./context.js";

export function helperText(h: Helper): string {
  switch (h) {
    case "FloorDiv":
      return "\\* a / b rounded down, for any divisor but 0 (TLA+'s \\div rounds down for a positive one)\nFloorDiv(a, b) == IF b > 0 THEN a \\div b ELSE (-a) \\div (-b)";
    case "FloorMod":
      return "FloorMod(a, b) == a - b * FloorDiv(a, b)";
    case "div_up":
      return "\\* stakecheck's rounding helpers: a / b rounded up, a * b / c rounded down and up\ndiv_up(a, b) == -FloorDiv(-a, b)";
    case "mul_div":
      return "mul_div(a, b, c) == FloorDiv(a * b, c)";
    case "mul_div_up":
      return "mul_div_up(a, b, c) == div_up(a * b, c)";
    case "Min":
      return "Min(a, b) == IF a <= b THEN a ELSE b";
    case "Max":
      return "Max(a, b) == IF a >= b THEN a ELSE b";
    case "Abs":
      return "Abs(a) == IF a < 0 THEN -a ELSE a";
    case "SetMin":
      return "SetMin(S) == CHOOSE x \\in S : \\A y \\in S : x <= y";
    case "SetMax":
      return "SetMax(S) == CHOOSE x \\in S : \\A y \\in S : x >= y";
    case "Range":
      return "\\* the elements of a queue (a sequence)\nRange(q) == {q[i] : i \\in DOMAIN q}";
    case "BSeq":
      return "\\* queues of at most n elements of S: stakecheck's seq<T, n>\nBSeq(S, n) == {q \\in Seq(S) : Len(q) <= n}";
    case "RemoveAt":
      return "\\* q without its element at position i (0 is the head); the later ones move up\nRemoveAt(q, i) == SubSeq(q, 1, i) \\o SubSeq(q, i + 2, Len(q))";
    default:
      return assertNever(h);
  }
}
