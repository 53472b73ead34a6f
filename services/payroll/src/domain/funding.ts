import { randomUUID } from 'node:crypto';
import { AppError } from '@yikatong/platform';

/**
 * Labour-cost funding (人工费用拨付): the client pays the labour share into the dedicated wage
 * account in instalments on the project's funding cycle. A receipt pays the oldest instalments
 * first; an instalment not fully paid by its due date is overdue (a blue warning by default).
 */
export interface Instalment {
  id: string;
  projectId: string;
  dueOn: string;
  amountFen: bigint;
  paidFen: bigint;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function scheduleInstalments(
  projectId: string,
  existing: readonly Instalment[],
  requested: ReadonlyArray<{ dueOn: string; amountFen: bigint }>,
): Instalment[] {
  if (requested.length === 0 || requested.length > 60) throw new AppError('INVALID_SCHEDULE', 'Give between 1 and 60 instalments.', 'instalments');
  const taken = new Set(existing.map((instalment) => instalment.dueOn));
  return requested.map((entry, index) => {
    if (!DAY.test(entry.dueOn)) throw new AppError('INVALID_DATE', `Instalment ${index + 1}: the due date is YYYY-MM-DD.`, `instalments.${index}.dueOn`);
    if (entry.amountFen <= 0n) throw new AppError('INVALID_AMOUNT', `Instalment ${index + 1}: the amount must be positive.`, `instalments.${index}.amount`);
    if (taken.has(entry.dueOn)) throw new AppError('INSTALMENT_EXISTS', `An instalment is already due on ${entry.dueOn}.`, `instalments.${index}.dueOn`);
    taken.add(entry.dueOn);
    return { id: randomUUID(), projectId, dueOn: entry.dueOn, amountFen: entry.amountFen, paidFen: 0n };
  });
}

/** Spreads a receipt over the open instalments, oldest first; what exceeds them simply stays in the account. */
export function applyReceipt(open: readonly Instalment[], amountFen: bigint): Instalment[] {
  let left = amountFen;
  const changed: Instalment[] = [];
  for (const instalment of [...open].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
    if (left === 0n) break;
    const owed = instalment.amountFen - instalment.paidFen;
    if (owed <= 0n) continue;
    const paid = owed < left ? owed : left;
    left -= paid;
    changed.push({ ...instalment, paidFen: instalment.paidFen + paid });
  }
  return changed;
}

/** The due date of the oldest instalment not fully paid, or null. */
export function oldestUnpaidDue(instalments: readonly Instalment[]): string | null {
  return (
    instalments
      .filter((i) => i.paidFen < i.amountFen)
      .map((i) => i.dueOn)
      .sort()[0] ?? null
  );
}
