// Complaints taken by the 12333 hotline at every stage of handling, entered through the gateway as
// the hotline's clerks would (filed for workers of the city, by phone), so the queue and the
// dashboard's complaint chart show every stage. Skipped when the hotline's complaints are there already.
export type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Where each demo complaint's handling stops: every stage of the queue, wage arrears mostly. */
const COMPLAINT_PATHS: ReadonlyArray<readonly string[]> = [
  [],
  [],
  ['ACCEPTED'],
  ['ACCEPTED', 'INVESTIGATING'],
  ['ACCEPTED', 'INVESTIGATING'],
  ['ACCEPTED', 'INVESTIGATING', 'VERIFIED'],
  ['REJECTED'],
  ['ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'RESOLVED'],
  ['ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'RESOLVED', 'CLOSED'],
  ['REJECTED', 'CLOSED'],
];
const DESCRIPTIONS = ['班组长拖欠三个月工资', '春节前工资未结清', '工程款未到位，工资停发', '劳务公司负责人失联', '工资低于约定标准'];
const NOTES: Record<string, string> = {
  REJECTED: '经核查，工资已按约定足额支付',
  VERIFIED: '经查属实，责令限期支付',
  RESOLVED: '企业已足额支付拖欠工资',
};

export async function fileHotlineComplaints(
  hotline: Ask,
  regionCode: string,
  against: ReadonlyArray<{ projectId: string; employerUscc: string; regionCode: string; workerId: string }>,
): Promise<void> {
  const filed = await hotline('query ($region: String!) { complaints(regionCode: $region, first: 100) { nodes { channel } } }', { region: regionCode });
  if (filed.complaints.nodes.some((node: { channel: string }) => node.channel === 'HOTLINE')) return;
  for (const [i, path] of COMPLAINT_PATHS.entries()) {
    const target = against[(i * 7) % against.length]!;
    const complaint = await hotline('mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }', {
      input: {
        category: i % 5 === 4 ? 'OTHER' : 'WAGE_ARREARS',
        workerId: target.workerId,
        employerUscc: target.employerUscc,
        projectId: target.projectId,
        regionCode: target.regionCode,
        amountClaimed: String((2 + i) * 450_000),
        workersAffected: 1 + (i % 6),
        description: DESCRIPTIONS[i % DESCRIPTIONS.length],
      },
    });
    for (const to of path) {
      await hotline(
        'mutation ($id: ID!, $to: String!, $note: String, $owed: Money) { advanceComplaint(complaintId: $id, to: $to, note: $note, amountOwed: $owed) { id } }',
        { id: complaint.fileComplaint.id, to, note: NOTES[to], owed: to === 'VERIFIED' ? String((2 + i) * 400_000) : undefined },
      );
    }
  }
}
