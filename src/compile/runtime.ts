// Helpers the generated code receives as arguments. Generated code never contains a spec's names
// or literals as code: only slot numbers, numeric constants and these helpers.

import { fracText } from "../ir/rational.js";
import type { Coverage, Failure } from "../model/model.js";

/** The code of an absent caller or step parameter: below every value a type can hold. */
export const NONE = -2147483648;

/** Thrown by generated code when a `well_typed` check fails; `failure` says where and why. */
export class FailSignal {
  readonly failure: Failure;
  constructor(failure: Failure) {
    this.failure = failure;
  }
}

/** Exact floor division for operands in the safe-integer range (b !== 0). */
export function fdiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  if (b > 0) return r < 0 ? q - 1 : r >= b ? q + 1 : q;
  return r > 0 ? q - 1 : r <= b ? q + 1 : q;
}

export function fmod(a: number, b: number): number {
  return a - b * fdiv(a, b);
}

export function cdiv(a: number, b: number): number {
  return -fdiv(-a, b);
}

/** The text of a scaled value n / d in lowest terms, for failure details: `7/2`, `3`. */
export function fracDetail(n: number, d: number): string {
  return fracText(n, d);
}

/** Population count of a 32-bit set word. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export interface Runtime {
  readonly F: (site: number, detail: string | number) => never;
  readonly FAIL: FailSignal;
  readonly fdiv: typeof fdiv;
  readonly fmod: typeof fmod;
  readonly cdiv: typeof cdiv;
  readonly pc: typeof popcount;
  readonly fr: typeof fracDetail;
  readonly NONE: number;
  readonly FIRED: Float64Array;
  readonly DIS: Float64Array;
  readonly RH: Float64Array;
  readonly RF: Float64Array;
  readonly ARGS: Int32Array;
}

export function makeRuntime(failure: Failure, coverage: Coverage, maxChoices: number): Runtime {
  const FAIL = new FailSignal(failure);
  return {
    F(site: number, detail: string | number): never {
      failure.site = site;
      failure.detail = String(detail);
      throw FAIL;
    },
    FAIL,
    fdiv,
    fmod,
    cdiv,
    pc: popcount,
    fr: fracDetail,
    NONE,
    FIRED: coverage.fired,
    DIS: coverage.disabled,
    RH: coverage.requireHeld,
    RF: coverage.requireFailed,
    ARGS: new Int32Array(Math.max(1, maxChoices)),
  };
}
