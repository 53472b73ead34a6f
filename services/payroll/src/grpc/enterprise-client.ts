import { callUnary, grpcClientCredentials, loadService, serviceCallerToken, type GrpcTlsSettings, type TokenSettings } from '@yikatong/platform';

const BiddingEligibility = loadService('enterprise/eligibility.proto', 'yikatong.enterprise.v1.BiddingEligibility');

/** Enterprise's record of an enterprise's history, which the deposit rate is set from. */
export interface DepositRateInputs {
  cleanYears: number;
  arrearsInLastTwoYears: boolean;
  listed: boolean;
}

export type DepositRateInputsSource = (uscc: string) => Promise<DepositRateInputs>;

/** Asks enterprise's GetDepositRateInputs as a SERVICE principal. */
export function createDepositRateInputsSource(
  address: string,
  settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'> & GrpcTlsSettings,
): DepositRateInputsSource & { close(): void } {
  const client = new BiddingEligibility(address, grpcClientCredentials(settings));
  const token = serviceCallerToken(settings, 'payroll');
  const source = async (uscc: string) => callUnary<DepositRateInputs>(client, 'GetDepositRateInputs', { uscc }, { token: await token(), deadlineMs: 5_000 });
  return Object.assign(source, { close: () => client.close() });
}
