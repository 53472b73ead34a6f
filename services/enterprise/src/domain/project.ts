import { randomUUID } from 'node:crypto';
import { createEvent, projectParticipantAddedV1, projectRegisteredV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, outgoing, requireRegionCode, type OutgoingEvent } from '@yikatong/platform';
import { ENTERPRISE_SOURCE, type Enterprise } from './enterprise';

export const PROJECT_STAGES = ['BIDDING', 'AWARDED', 'PERMITTED', 'CONSTRUCTION', 'COMPLETED', 'CLOSED'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type ParticipantRole = 'SUBCONTRACTOR' | 'LABOUR_SUBCONTRACTOR';

export interface Project {
  id: string;
  name: string;
  regionCode: string;
  /** 建设单位: the client who funds the works and the labour cost. */
  client: string;
  generalContractorUscc: string;
  contractValueFen: bigint;
  /** Labour cost as a share of the contract value, in basis points (2500 = 25 %). */
  labourCostShareBp: number;
  startDate: string;
  plannedEndDate: string | null;
  stage: ProjectStage;
  registeredBy: string;
  registeredAt: Date;
}

export interface ProjectRequest {
  name: string;
  regionCode: string;
  client: string;
  generalContractorUscc: string;
  contractValueFen: bigint;
  labourCostSharePercent: number;
  startDate: string;
  plannedEndDate: string | null;
}

export interface Participant {
  projectId: string;
  uscc: string;
  role: ParticipantRole;
  parentUscc: string;
  addedBy: string;
  addedAt: Date;
}

const fail = (code: string, field: string, message: string) => new AppError(code, message, field);

/** A project enters the registry with its general contractor; the registration is its first lifecycle step. */
export function registerProject(
  request: ProjectRequest,
  generalContractor: Enterprise | null,
  actor: string,
  at: Date,
): { project: Project; events: OutgoingEvent[] } {
  const name = request.name.trim();
  if (name.length < 2 || name.length > 200) throw fail('INVALID_NAME', 'name', 'The project name must have 2 to 200 characters.');
  requireRegionCode(request.regionCode);
  const client = request.client.trim();
  if (client.length < 2) throw fail('INVALID_CLIENT', 'client', 'Name the client (建设单位).');
  if (!generalContractor)
    throw fail('ENTERPRISE_NOT_FOUND', 'generalContractorUscc', `No enterprise is registered with USCC ${request.generalContractorUscc}.`);
  if (generalContractor.type !== 'GENERAL_CONTRACTOR') {
    throw fail(
      'NOT_A_GENERAL_CONTRACTOR',
      'generalContractorUscc',
      `${generalContractor.name} is registered as ${generalContractor.type.toLowerCase().replace('_', ' ')}, not as a general contractor.`,
    );
  }
  if (request.contractValueFen <= 0n) throw fail('INVALID_CONTRACT_VALUE', 'contractValue', 'The contract value must be more than zero fen.');
  if (!(request.labourCostSharePercent > 0 && request.labourCostSharePercent <= 100)) {
    throw fail('INVALID_LABOUR_COST_SHARE', 'labourCostSharePercent', 'The labour cost share is a percentage above 0 and at most 100.');
  }
  if (request.plannedEndDate !== null && request.plannedEndDate < request.startDate) {
    throw fail('END_BEFORE_START', 'plannedEndDate', 'The planned end is before the start.');
  }
  const project: Project = {
    id: randomUUID(),
    name,
    regionCode: request.regionCode,
    client,
    generalContractorUscc: generalContractor.uscc,
    contractValueFen: request.contractValueFen,
    labourCostShareBp: Math.round(request.labourCostSharePercent * 100),
    startDate: request.startDate,
    plannedEndDate: request.plannedEndDate,
    stage: 'BIDDING',
    registeredBy: actor,
    registeredAt: at,
  };
  const event = createEvent(
    projectRegisteredV1,
    ENTERPRISE_SOURCE,
    project.id,
    {
      projectId: project.id,
      name,
      regionCode: project.regionCode,
      generalContractorUscc: project.generalContractorUscc,
      contractValueFen: project.contractValueFen.toString(),
      registeredAt: at.toISOString(),
    },
    at,
  );
  return { project, events: [outgoing(projectRegisteredV1, event as CloudEvent)] };
}

/**
 * Adds a link to the subcontracting chain: the parent must already be on the project (the general
 * contractor or a subcontractor), and a labour subcontract goes only to a labour-service enterprise.
 */
export function addParticipant(
  project: Project,
  participants: readonly Participant[],
  subcontractor: Enterprise | null,
  request: { role: ParticipantRole; parentUscc: string },
  actor: string,
  at: Date,
): { participant: Participant; events: OutgoingEvent[] } {
  if (project.stage === 'COMPLETED' || project.stage === 'CLOSED')
    throw fail('PROJECT_FINISHED', 'projectId', `The project is ${project.stage.toLowerCase()}; no new subcontractors.`);
  if (!subcontractor) throw fail('ENTERPRISE_NOT_FOUND', 'uscc', 'No enterprise is registered with this USCC.');
  if (subcontractor.uscc === project.generalContractorUscc || participants.some((p) => p.uscc === subcontractor.uscc)) {
    throw fail('ALREADY_ON_PROJECT', 'uscc', `${subcontractor.name} is already on this project.`);
  }
  const onProject = [project.generalContractorUscc, ...participants.map((p) => p.uscc)];
  if (!onProject.includes(request.parentUscc)) throw fail('PARENT_NOT_ON_PROJECT', 'parentUscc', 'The subcontracting party must itself be on the project.');
  if (subcontractor.type === 'GENERAL_CONTRACTOR')
    throw fail('WRONG_ENTERPRISE_TYPE', 'uscc', `${subcontractor.name} is a general contractor, not a subcontractor.`);
  if (request.role === 'LABOUR_SUBCONTRACTOR' && subcontractor.type !== 'LABOUR_SERVICE') {
    throw fail('WRONG_ENTERPRISE_TYPE', 'uscc', `A labour subcontract (劳务分包) goes only to a labour-service enterprise; ${subcontractor.name} is not one.`);
  }
  const participant: Participant = {
    projectId: project.id,
    uscc: subcontractor.uscc,
    role: request.role,
    parentUscc: request.parentUscc,
    addedBy: actor,
    addedAt: at,
  };
  const event = createEvent(
    projectParticipantAddedV1,
    ENTERPRISE_SOURCE,
    project.id,
    {
      projectId: project.id,
      uscc: participant.uscc,
      role: participant.role,
      parentUscc: participant.parentUscc,
      addedAt: at.toISOString(),
    },
    at,
  );
  return { participant, events: [outgoing(projectParticipantAddedV1, event as CloudEvent)] };
}
