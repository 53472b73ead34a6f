import type { EnterpriseDb, EnterpriseTx } from '../db';
import type { LabourWageOfficerAppointment } from '../domain/labour-wage-officer';

export async function saveOfficerAppointment(tx: EnterpriseTx, appointment: LabourWageOfficerAppointment): Promise<void> {
  await tx.labourWageOfficerAppointment.create({ data: appointment });
}

/** The appointment in force per project: the one made last. */
export function findOfficersInForce(db: EnterpriseDb | EnterpriseTx, projectIds: readonly string[]): Promise<LabourWageOfficerAppointment[]> {
  return db.labourWageOfficerAppointment.findMany({
    where: { projectId: { in: [...projectIds] } },
    orderBy: [{ projectId: 'asc' }, { seq: 'desc' }],
    select: { id: true, projectId: true, name: true, phone: true, appointedBy: true, appointedAt: true },
    distinct: ['projectId'],
  });
}
