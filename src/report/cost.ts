import { PRICES } from '../limits';

/**
 * Inputs of a monthly cost estimate for one function.
 */
export interface CostEstimateProps {
  /** Memory in MB (128–10,240). */
  readonly memoryMb: number;
  /**
   * Instruction set name: `arm64` or `x86_64`.
   * @default 'arm64'
   */
  readonly architecture?: string;
  /** Invocations per month. */
  readonly monthlyInvocations: number;
  /** Average billed duration of one invocation, in milliseconds. */
  readonly averageDurationMs: number;
  /**
   * Subtract the monthly free tier (1 M requests and 400,000 GB-s, shared by the account: apply it once).
   * @default false
   */
  readonly includeFreeTier?: boolean;
}

/**
 * A monthly cost estimate with the us-east-1 list prices of the Lambda facts.
 */
export interface CostEstimate {
  /** GB-seconds billed per month. */
  readonly gbSeconds: number;
  /** Request charge in USD. */
  readonly requestCost: number;
  /** Duration charge in USD. */
  readonly durationCost: number;
  /** Total in USD. */
  readonly total: number;
}

/**
 * Estimates what functions cost per month ($0.20 per million requests; per GB-second x86_64
 * $0.0000166667, arm64 $0.0000133334; free tier 1 M requests and 400,000 GB-s).
 *
 * @see https://aws.amazon.com/lambda/pricing/
 */
export class LambdaCostEstimator {
  /**
   * The monthly cost of one function.
   * @param props memory, architecture, invocations and duration
   */
  public static monthly(props: CostEstimateProps): CostEstimate {
    const gbSeconds = (props.memoryMb / 1024) * (props.averageDurationMs / 1000) * props.monthlyInvocations;
    const billedRequests = Math.max(0, props.monthlyInvocations - (props.includeFreeTier ? PRICES.freeTierRequests : 0));
    const billedGbSeconds = Math.max(0, gbSeconds - (props.includeFreeTier ? PRICES.freeTierGbSeconds : 0));
    const rate = (props.architecture ?? 'arm64') === 'arm64' ? PRICES.perGbSecondArm64 : PRICES.perGbSecondX86;
    const requestCost = (billedRequests / 1_000_000) * PRICES.perMillionRequests;
    const durationCost = billedGbSeconds * rate;
    return { gbSeconds, requestCost, durationCost, total: requestCost + durationCost };
  }

  private constructor() {}
}
