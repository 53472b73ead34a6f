import { minimumWageInForce } from '../../src/domain/minimum-wage';

const entry = (regionCode: string, monthlyFen: number, effectiveFrom: string) => ({
  regionCode,
  monthlyFen: BigInt(monthlyFen),
  hourlyFen: BigInt(Math.round(monthlyFen / 174)),
  effectiveFrom: new Date(effectiveFrom),
});

describe('minimum wage in force', () => {
  const table = [entry('130000', 190000, '2023-01-01'), entry('130000', 220000, '2025-01-01'), entry('130500', 200000, '2024-01-01')];

  it('prefers the most specific region covering the place', () => {
    expect(minimumWageInForce(table, '130502', new Date('2026-01-01'))?.monthlyFen).toBe(200000n);
  });

  it('falls back to the province and picks the latest entry already in effect', () => {
    expect(minimumWageInForce(table, '130102', new Date('2026-01-01'))?.monthlyFen).toBe(220000n);
    expect(minimumWageInForce(table, '130102', new Date('2024-06-01'))?.monthlyFen).toBe(190000n);
  });

  it('has no answer before any entry took effect or outside the province', () => {
    expect(minimumWageInForce(table, '130102', new Date('2022-01-01'))).toBeNull();
    expect(minimumWageInForce(table, '350100', new Date('2026-01-01'))).toBeNull();
  });
});
