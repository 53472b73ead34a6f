import type { PayrollTx } from '../db';
import type { Instalment } from '../domain/funding';

const toInstalment = (row: { id: string; projectId: string; dueOn: Date; amountFen: bigint; paidFen: bigint }): Instalment => ({
  ...row, dueOn: row.dueOn.toISOString().slice(0, 10),
});

export async function findInstalments(tx: PayrollTx, projectId: string): Promise<Instalment[]> {
  return (await tx.fundingInstalment.findMany({ where: { projectId }, orderBy: { dueOn: 'asc' } })).map(toInstalment);
}

export async function saveInstalments(tx: PayrollTx, instalments: readonly Instalment[]): Promise<void> {
  for (const instalment of instalments) {
    const data = { ...instalment, dueOn: new Date(`${instalment.dueOn}T00:00:00Z`) };
    await tx.fundingInstalment.upsert({ where: { id: instalment.id }, create: data, update: { paidFen: instalment.paidFen } });
  }
}
