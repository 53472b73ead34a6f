/**
 * TypeScript shapes of the gRPC messages services exchange, as @grpc/proto-loader gives them
 * (camelCase fields, 64-bit integers as strings). Kept beside the .proto files they mirror.
 */

/** One worker in identity's VerifyWorkers answer (proto/identity/workers.proto, WorkerVerification). */
export interface WorkerVerificationMessage {
  workerId: string;
  enrolled: boolean;
  cardUsableForWages: boolean;
  days: number;
  hours: number;
  problems: string[];
  employerUscc: string;
  rateKind: string;
  rateFen: string;
  employmentKind: string;
  tradeCode: string;
  enrolmentId: string;
  holderName: string;
  idNumber: string;
  phone: string;
  longestDayHours: number;
  longestWeekHours: number;
}
