import { dateOfDay, dayOf } from '@yikatong/platform';
import type { PayrollTx } from '../db';
import type { Instalment } from '../domain/funding';

const toInstalment = (row: { id: string; projectId: string; dueOn: Date; amountFen: bigint; paidFen: bigint }): Instalment => ({
  ...row,
  dueOn: dayOf(row.dueOn),
});

export async function findInstalments(tx: PayrollTx, projectId: string): Promise<Instalment[]> {
  return (await tx.fundingInstalment.findMany({ where: { projectId }, orderBy: { dueOn: 'asc' } })).map(toInstalment);
}

export async function saveInstalments(tx: PayrollTx, instalments: readonly Instalment[]): Promise<void> {
  for (const instalment of instalments) {
    const data = { ...instalment, dueOn: dateOfDay(instalment.dueOn) };
    await tx.fundingInstalment.upsert({ where: { id: instalment.id }, create: data, update: { paidFen: instalment.paidFen } });
  }
}
