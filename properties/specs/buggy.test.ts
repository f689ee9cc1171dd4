// Every buggy variant in spec/buggy/ violates exactly the properties it was written to violate,
// each with its pinned shortest counterexample length, and nothing else: the search goes on after
// the first violation until every property is either violated or proven over the whole space.

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compileModel } from "../../src/compile/compile.js";
import { bfs } from "../../src/explore/bfs.js";
import { replayPath } from "../../src/explore/path.js";
import { loadShipped, stakeFiles } from "./load.js";

type Expected = Record<string, number>;

const BUGGY: { file: string; violates: Expected }[] = [
  // Agreement and accountable safety fail on the same trace: accountable safety can fail only where
  // agreement does.
  { file: "spec/buggy/custody-duplicate-approvals.stake", violates: { transfers_need_k_owner_approvals: 4 } },
  // The stale approval also revives when the removed owner is added back.
  { file: "spec/buggy/custody-stale-approval.stake", violates: { transfers_need_k_owner_approvals: 8, approvals_not_replayed: 10 } },
  { file: "spec/buggy/ffg-duplicate-votes.stake", violates: { agreement: 12, accountable_safety: 12 } },
  { file: "spec/buggy/ffg-no-surround-protection.stake", violates: { agreement: 12 } },
  { file: "spec/buggy/governance-emergency-bypass.stake", violates: { changes_only_by_passed_proposal_after_timelock: 6 } },
  { file: "spec/buggy/governance-vote-time-weight.stake", violates: { stake_counted_once: 5 } },
  { file: "spec/buggy/insurance-pay-before-settlement.stake", violates: { no_payout_beyond_loss: 4 } },
  { file: "spec/buggy/insurance-pre-slash-coverage.stake", violates: { loss_within_deductible: 4 } },
  { file: "spec/buggy/lst-donation-counted.stake", violates: { no_redemption_beyond_entitlement: 7 } },
  { file: "spec/buggy/lst-first-depositor-inflation.stake", violates: { no_zero_share_deposit: 3, no_redemption_beyond_entitlement: 4 } },
  { file: "spec/buggy/pool-no-owner-check.stake", violates: { no_unauthorized_withdrawal: 3 } },
  { file: "spec/buggy/restaking-instant-deallocation.stake", violates: { claims_shrink_only_by_own_slash_or_delay: 2 } },
  { file: "spec/buggy/restaking-over-allocation.stake", violates: { claims_backed_after_other_slashes: 3 } },
  { file: "spec/buggy/share-pool-early-withdrawal.stake", violates: { withdrawals_only_own_and_matured: 3 } },
  { file: "spec/buggy/share-pool-rounding.stake", violates: { no_loss_but_slashing_or_own_action: 3 } },
  { file: "spec/buggy/unbonding-slash-bonded-only.stake", violates: { no_slash_evasion: 3 } },
  // The record that double-counts is caught by the bookkeeping invariant before any slash; the
  // slash then over-charges, and, capped at what is left at B, can also under-charge.
  { file: "spec/buggy/unbonding-slash-redelegation-double-count.stake", violates: { redelegations_backed: 3, no_over_slash: 4, no_slash_evasion: 10 } },
  { file: "spec/buggy/unbonding-slash-redelegate-then-unbond.stake", violates: { no_slash_evasion: 4 } },
  { file: "spec/buggy/unbonding-slash-window-off-by-one.stake", violates: { no_slash_evasion: 3 } },
  { file: "spec/buggy/validator-set-churn-on-new-set.stake", violates: { churn_within_limit: 1 } },
  { file: "spec/buggy/validator-set-immediate-handoff.stake", violates: { agreement: 9 } },
  // Liveness-only bugs: every safety property holds (their lassos: properties/specs/liveness.test.ts).
  { file: "spec/buggy/unbonding-queue-lifo.stake", violates: {} },
  { file: "spec/buggy/unbonding-queue-pausable-claims.stake", violates: {} },
  { file: "spec/buggy/vault-credentials-frontrun.stake", violates: { no_unauthorized_withdrawal: 2 } },
  { file: "spec/buggy/vault-withdraw-no-auth.stake", violates: { no_unauthorized_withdrawal: 3 } },
  { file: "spec/buggy/withdrawal-limits-instant-first.stake", violates: {} },
  { file: "spec/buggy/withdrawal-limits-reset-on-set.stake", violates: { epoch_within_limit: 5 } },
];

describe("buggy variants", () => {
  it("pins every variant in spec/buggy/ (a new variant needs a row here)", () => {
    expect(BUGGY.map((b) => b.file).sort()).toEqual(stakeFiles("spec/buggy"));
  });

  it.each(BUGGY)("$file violates exactly $violates", ({ file, violates }) => {
    const { spec } = loadShipped(file);
    const model = compileModel(spec);
    const r = bfs(model, { continueAfterViolation: true });
    expect(r.limit).toBeUndefined();
    const found = Object.fromEntries(r.violations.map((v) => [v.property.name, v.instances.length]));
    expect(found).toEqual(violates);
    // Each counterexample replays, every step enabled, to a state (or step) that violates it.
    for (const v of r.violations) {
      const path = replayPath(model, v.instances);
      expect(path.steps.map((s) => s.status)).toEqual(v.instances.map(() => "enabled"));
      const last = path.steps.at(-1)!;
      const before = path.steps.at(-2)?.state ?? path.init;
      const holds =
        v.property.kind === "invariant" ? model.checkInvariant(v.property.index, last.state!) : model.checkStep(v.property.index, before, last.state!, last.inst);
      expect(holds, v.property.name).toBe(0);
    }
  });

  it.each(BUGGY)("$file names the bug class, a real incident or finding, and its fixed spec", ({ file }) => {
    const text = readFileSync(file, "utf8");
    const fixed = /^\/\/ BUGGY VARIANT of ([\w-]+\.stake): /.exec(text);
    expect(fixed, "first line: // BUGGY VARIANT of <spec>.stake: ...").not.toBeNull();
    expect(text).toMatch(/\/\/ Bug class: /);
    expect(text).toMatch(new RegExp(`// Fixed in: \\.\\./${fixed![1].replace(".", "\\.")}`));
    expect(stakeFiles("spec")).toContain(`spec/${fixed![1]}`);
  });
});
