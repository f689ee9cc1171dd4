// A staking pool as it would be written for production: accounts bond part of their wallet
// balance, unbond it into a pending balance, and withdraw it; the pool's slasher burns half of an
// account's stake (rounded up) when its validator misbehaves; the rewarder mints new stake, up to a
// cap. Amounts are bigints; every change is recorded in an events log.
//
// spec/pool.stake is the model of this class: `stakecheck conform` drives both with the same
// actions and compares their states after every step (see ./adapter.ts).

export type Address = string;

export type PoolEvent =
  | { readonly type: "Deposited"; readonly account: Address; readonly amount: bigint }
  | { readonly type: "Unbonded"; readonly account: Address; readonly amount: bigint }
  | { readonly type: "Withdrawn"; readonly account: Address; readonly to: Address; readonly amount: bigint }
  | { readonly type: "Slashed"; readonly account: Address; readonly amount: bigint }
  | { readonly type: "Rewarded"; readonly account: Address; readonly amount: bigint };

export type PoolErrorCode =
  | "Unauthorized"
  | "UnknownAccount"
  | "InvalidAmount"
  | "InsufficientBalance"
  | "InsufficientStake"
  | "NothingToWithdraw"
  | "NothingToSlash"
  | "RewardCapReached";

export class PoolError extends Error {
  readonly code: PoolErrorCode;

  constructor(code: PoolErrorCode, message: string) {
    super(message);
    this.name = "PoolError";
    this.code = code;
  }
}

export interface PoolConfig {
  /** Accounts and their opening wallet balances. */
  readonly wallets: ReadonlyMap<Address, bigint>;
  /** The only address that may slash. */
  readonly slasher: Address;
  /** The only address that may mint rewards. */
  readonly rewarder: Address;
  /** Total rewards the pool may ever mint. */
  readonly rewardCap: bigint;
}

export class StakingPool {
  readonly events: PoolEvent[] = [];
  private readonly wallets: Map<Address, bigint>;
  private readonly bonded = new Map<Address, bigint>();
  private readonly unbonding = new Map<Address, bigint>();
  private burnt = 0n;
  private minted = 0n;

  constructor(private readonly config: PoolConfig) {
    this.wallets = new Map(config.wallets);
    for (const account of this.wallets.keys()) {
      this.bonded.set(account, 0n);
      this.unbonding.set(account, 0n);
    }
  }

  /** Bonds `amount` of `account`'s wallet balance. Only the account itself may deposit. */
  deposit(sender: Address, account: Address, amount: bigint): void {
    this.requireOwner(sender, account);
    requirePositive(amount);
    const wallet = this.walletOf(account);
    if (wallet < amount) throw new PoolError("InsufficientBalance", `${account} holds ${wallet}, cannot deposit ${amount}`);
    this.wallets.set(account, wallet - amount);
    this.bonded.set(account, this.stakeOf(account) + amount);
    this.events.push({ type: "Deposited", account, amount });
  }

  /** Moves `amount` of `account`'s stake to its pending balance. */
  unbond(sender: Address, account: Address, amount: bigint): void {
    this.requireOwner(sender, account);
    requirePositive(amount);
    const stake = this.stakeOf(account);
    if (stake < amount) throw new PoolError("InsufficientStake", `${account} has ${stake} bonded, cannot unbond ${amount}`);
    this.bonded.set(account, stake - amount);
    this.unbonding.set(account, this.pendingOf(account) + amount);
    this.events.push({ type: "Unbonded", account, amount });
  }

  /** Pays out everything `account` has pending, to the caller's wallet. Returns the amount. */
  withdraw(sender: Address, account: Address): bigint {
    this.requireOwner(sender, account);
    const amount = this.pendingOf(account);
    if (amount === 0n) throw new PoolError("NothingToWithdraw", `${account} has nothing pending`);
    this.unbonding.set(account, 0n);
    this.wallets.set(sender, this.walletOf(sender) + amount);
    this.events.push({ type: "Withdrawn", account, to: sender, amount });
    return amount;
  }

  /** Burns half of `account`'s stake, rounded up, so that a slashing never leaves dust behind. */
  slash(sender: Address, account: Address): bigint {
    if (sender !== this.config.slasher) throw new PoolError("Unauthorized", `${sender} may not slash`);
    const stake = this.stakeOf(account);
    if (stake === 0n) throw new PoolError("NothingToSlash", `${account} has no stake`);
    const penalty = (stake + 1n) / 2n;
    this.bonded.set(account, stake - penalty);
    this.burnt += penalty;
    this.events.push({ type: "Slashed", account, amount: penalty });
    return penalty;
  }

  /** Mints `amount` of new stake for a staking account, within the pool's reward cap. */
  reward(sender: Address, account: Address, amount: bigint): void {
    if (sender !== this.config.rewarder) throw new PoolError("Unauthorized", `${sender} may not mint rewards`);
    requirePositive(amount);
    if (this.stakeOf(account) === 0n) throw new PoolError("InsufficientStake", `${account} is not staking`);
    if (this.minted + amount > this.config.rewardCap) {
      throw new PoolError("RewardCapReached", `minting ${amount} would exceed the cap of ${this.config.rewardCap}`);
    }
    this.bonded.set(account, this.stakeOf(account) + amount);
    this.minted += amount;
    this.events.push({ type: "Rewarded", account, amount });
  }

  walletOf(account: Address): bigint {
    return this.known(this.wallets, account);
  }

  stakeOf(account: Address): bigint {
    return this.known(this.bonded, account);
  }

  pendingOf(account: Address): bigint {
    return this.known(this.unbonding, account);
  }

  get totalSlashed(): bigint {
    return this.burnt;
  }

  get totalMinted(): bigint {
    return this.minted;
  }

  private requireOwner(sender: Address, account: Address): void {
    this.known(this.wallets, account);
    if (sender !== account) throw new PoolError("Unauthorized", `${sender} may not act for ${account}`);
  }

  private known(balances: ReadonlyMap<Address, bigint>, account: Address): bigint {
    const v = balances.get(account);
    if (v === undefined) throw new PoolError("UnknownAccount", `no account ${account}`);
    return v;
  }
}

function requirePositive(amount: bigint): void {
  if (amount <= 0n) throw new PoolError("InvalidAmount", `amounts must be positive, got ${amount}`);
}
