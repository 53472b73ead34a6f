/** A complaint's stages in the order its handling moves, each with its name (中文, English). */
export const COMPLAINT_STAGES = [
  ['NEW', '待受理', 'New'],
  ['ACCEPTED', '已受理', 'Accepted'],
  ['INVESTIGATING', '调查中', 'Investigating'],
  ['VERIFIED', '已查实', 'Verified'],
  ['REJECTED', '不予受理/不属实', 'Rejected'],
  ['RESOLVED', '已解决', 'Resolved'],
  ['CLOSED', '已办结', 'Closed'],
] as const;

/** The stages in which a complaint still waits for the bureau (the dashboard's "open"). */
export const OPEN_COMPLAINT_STAGES: ReadonlySet<string> = new Set(['NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED']);

/** The stage's name in the reader's language (the code itself for a stage this build does not know). */
export const complaintStageName = (stage: string, t: (zh: string, en: string) => string): string => {
  const known = COMPLAINT_STAGES.find(([code]) => code === stage);
  return known ? t(known[1], known[2]) : stage;
};
