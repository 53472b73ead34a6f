/** Money on the graph is whole fen as a digit string ("219000" = ¥2,190.00); shown in yuan. */
export function yuan(fen: string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const digits = fen.padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${whole}.${digits.slice(-2)}`;
}

/** Yuan typed by a clerk ("1234.5") as fen digits, or undefined when it is not an amount. */
export function fenOf(yuanText: string): string | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(yuanText.trim());
  if (!match) return undefined;
  const fen = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return fen;
}

/** Fen as a number of yuan for charts (precision there is the chart's, not the ledger's). */
export const yuanNumber = (fen: string) => Number(fen) / 100;
