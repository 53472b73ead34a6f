import { createEvent, enterpriseRegisteredV1, type CloudEvent } from '@yikatong/contracts';
import { invalidInput, outgoing, requireRegionCode, type OutgoingEvent } from '@yikatong/platform';
import { USCC_PROBLEM_MESSAGES, usccProblem } from './uscc';

export const ENTERPRISE_SOURCE = '/yikatong/enterprise';

export type EnterpriseType = 'GENERAL_CONTRACTOR' | 'SUBCONTRACTOR' | 'LABOUR_SERVICE';

export interface Enterprise {
  uscc: string;
  name: string;
  type: EnterpriseType;
  regionCode: string;
  legalRepresentative: string;
  registeredAt: Date;
  registeredBy: string;
}

export interface RegistrationRequest {
  uscc: string;
  name: string;
  type: EnterpriseType;
  regionCode: string;
  legalRepresentative: string;
}

/** Validates a registration and records the enterprise-registered event. */
export function registerEnterprise(request: RegistrationRequest, actor: string, at: Date): { enterprise: Enterprise; events: OutgoingEvent[] } {
  const uscc = request.uscc.trim().toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) throw invalidInput('INVALID_USCC', 'uscc', `${uscc}: ${USCC_PROBLEM_MESSAGES[problem]}`);
  const name = request.name.trim();
  if (name.length < 2 || name.length > 200) throw invalidInput('INVALID_NAME', 'name', 'The enterprise name must have 2 to 200 characters.');
  requireRegionCode(request.regionCode);
  const legalRepresentative = request.legalRepresentative.trim();
  if (legalRepresentative.length < 2) throw invalidInput('INVALID_LEGAL_REPRESENTATIVE', 'legalRepresentative', 'Name the legal representative (法定代表人).');

  const enterprise: Enterprise = { uscc, name, type: request.type, regionCode: request.regionCode, legalRepresentative, registeredAt: at, registeredBy: actor };
  const event = createEvent(
    enterpriseRegisteredV1,
    ENTERPRISE_SOURCE,
    uscc,
    {
      uscc,
      name,
      type: request.type,
      regionCode: request.regionCode,
      registeredAt: at.toISOString(),
    },
    at,
  );
  return { enterprise, events: [outgoing(enterpriseRegisteredV1, event as CloudEvent)] };
}
