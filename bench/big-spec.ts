// A large spec for benchmarks: the shipped pool's structure repeated with fresh names (one pool per
// "shard", each with its own accounts, actions, defs and properties), so it reads like a real large
// spec rather than one long expression. Used by bench/lang.ts and bench/lsp.ts.

function shard(i: number): string {
  return `
// ---- shard ${i} ----
const N${i} = 3
const START${i} = 3
const MAX_REWARDS${i} = 2

type Account${i} = 0 .. N${i} - 1
type Amount${i} = 0 .. N${i} * START${i} + MAX_REWARDS${i}
type Phase${i} = enum { Open${i}, Closing${i}, Closed${i} }

var bal${i}: map<Account${i}, Amount${i}> = START${i}
var stake${i}: map<Account${i}, Amount${i}> = 0
var pending${i}: map<Account${i}, Amount${i}> = 0
var slashed${i}: Amount${i} = 0
var minted${i}: 0 .. MAX_REWARDS${i} = 0
var phase${i}: Phase${i} = Open${i}
ghost var withdrawn${i}: set<Account${i}> = {}

action deposit${i}(a: Account${i}) by caller: Account${i} {
  require caller == a and phase${i} == Open${i}
  require bal${i}[a] >= 1
  bal${i}[a] -= 1
  stake${i}[a] += 1
}

action unbond${i}(a: Account${i}, amount: 1 .. 2) by caller: Account${i} {
  require caller == a
  require stake${i}[a] >= amount
  stake${i}[a] -= amount
  pending${i}[a] += amount
}

action withdraw${i}(a: Account${i}) by caller: Account${i} {
  require pending${i}[a] >= 1
  require caller == a            // delete this line and stakecheck finds the theft
  bal${i}[caller] += pending${i}[a]
  pending${i}[a] = 0
  withdrawn${i} = withdrawn${i} union {a}
}

action slash${i}(a: Account${i}) {
  require stake${i}[a] >= 1
  let penalty = div_up(stake${i}[a], 2)
  if penalty > 1 {
    stake${i}[a] -= penalty
  } else {
    stake${i}[a] -= 1
  }
  slashed${i} += penalty
}

action reward${i}(a: Account${i}) {
  require stake${i}[a] >= 1 and minted${i} < MAX_REWARDS${i}
  pick b in Account${i} where b != a and stake${i}[b] >= 1
  stake${i}[b] += 1
  minted${i} += 1
}

action close${i}() {
  require phase${i} != Closed${i}
  phase${i} = if phase${i} == Open${i} then Closing${i} else Closed${i}
}

def value_of${i}(a: Account${i}) = bal${i}[a] + stake${i}[a] + pending${i}[a]

def total_stake${i}() = sum(a in Account${i}: stake${i}[a])

def quorum${i}() = 3 * total_stake${i}() > 2 * N${i} * START${i}

invariant conservation${i}:
  sum(a in Account${i}: value_of${i}(a)) + slashed${i} == N${i} * START${i} + minted${i}
invariant slashing_within_stake${i}: slashed${i} <= N${i} * START${i} + minted${i}
invariant bounded${i}: all(a in Account${i}: mul_div(stake${i}[a], 2, 3) <= total_stake${i}())
invariant closed_means_no_quorum${i}: phase${i} == Closed${i} implies (quorum${i}() or not quorum${i}())

step no_unauthorized_withdrawal${i}:
  all(a in Account${i}: value_of${i}(a) < old(value_of${i}(a)) implies (caller == a or action == slash${i}))
`;
}

export function bigSpec(lines: number): string {
  let text = "spec Big\n";
  for (let i = 0; text.split("\n").length < lines; i++) text += shard(i);
  return text;
}
