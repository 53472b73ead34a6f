import { COLUMNS, type Column } from './columns';

/**
 * What each principal may do with each operation (the columns are in columns.ts). `allowed`: the
 * call gets past authorization (an answer, or the domain's own coded refusal of the input);
 * `withheld`: the call goes through but fields of the answer are refused to this kind (null with
 * FORBIDDEN at their path, e.g. a bank is not shown how a deposit's rate was set); `hidden`: the caller learns nothing (null, nothing listed, or the object's NOT_FOUND); every other
 * column is refused with FORBIDDEN or UNAUTHENTICATED, and the door columns with UNAUTHENTICATED
 * always. `unmasked`: the columns whose answer may carry the worker's ID number, phone or bank card
 * in full (all others see them masked or not at all). An operation added to the graph or a .proto
 * without a row here fails the matrix.
 */
export interface Rule {
  allowed?: string;
  withheld?: string;
  hidden?: string;
  unmasked?: string;
}

export const POLICY: Record<string, Rule> = {
  'Query.enterprise': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    withheld: 'accountBank otherBank',
    hidden: 'portalElsewhere subcontractor rivalEnterprise worker otherWorker analytics analyticsElsewhere',
  },
  'Query.enterprises': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes', hidden: 'portalElsewhere' },
  'Query.tender': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes service',
    hidden: 'portalElsewhere accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.enterpriseStatistics': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.project': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.projects': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere rivalEnterprise',
  },
  'Query.realNameCard': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.me': { allowed: 'worker otherWorker' },
  'Query.worker': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor worker service',
    hidden: 'portalElsewhere contractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank otherWorker analytics analyticsElsewhere',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'Query.workerByIdNumber': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor service',
    hidden: 'portalElsewhere contractor rivalEnterprise enterpriseWithoutScopes',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'Query.workers': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor rivalEnterprise worker otherWorker service',
    hidden: 'portalElsewhere contractor enterpriseWithoutScopes',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'Query.enrolments': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor worker service',
    hidden: 'portalElsewhere contractor rivalEnterprise enterpriseWithoutScopes otherWorker',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'Query.monthlyAttendance': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor enterpriseWithoutScopes service',
  },
  'Query.attendanceAnomalies': {
    allowed: 'contractor subcontractor rivalEnterprise enterpriseWithoutScopes',
    hidden: 'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes service',
  },
  'Query.trades': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank worker otherWorker analytics analyticsElsewhere service',
  },
  'Query.auditEntries': { allowed: 'housingPortal hrssPortal inspectionPortal', hidden: 'portalElsewhere' },
  'Query.identityStatistics': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.minimumWage': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank worker otherWorker analytics analyticsElsewhere service',
  },
  'Query.wageAccounts': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes accountBank service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.wageSheet': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.wageSheets': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.myPayslips': { allowed: 'worker', hidden: 'otherWorker' },
  'Query.disbursementBatches': { hidden: 'accountBank otherBank' },
  'Query.projectLedger': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes accountBank service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.arrearsWarnings': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes accountBank service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise otherBank',
  },
  'Query.deposit': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    withheld: 'accountBank',
    hidden: 'portalElsewhere subcontractor rivalEnterprise otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.depositAssessment': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.payrollStatistics': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.serviceCentres': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank worker otherWorker analytics analyticsElsewhere service',
  },
  'Query.injuryPolicies': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Query.injuryCoverage': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes worker service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise accountBank otherBank otherWorker analytics analyticsElsewhere',
  },
  'Query.complaint': {
    allowed: 'housingPortal hrssPortal inspectionPortal worker',
    hidden:
      'portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank otherWorker analytics analyticsElsewhere service',
  },
  'Query.myComplaints': { allowed: 'worker', hidden: 'otherWorker' },
  'Query.complaints': { allowed: 'housingPortal hrssPortal inspectionPortal', hidden: 'portalElsewhere portalWithoutScopes' },
  'Query.complaintStatistics': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.trainingSessions': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank worker otherWorker analytics analyticsElsewhere service',
  },
  'Query.myTraining': { allowed: 'worker', hidden: 'otherWorker' },
  'Query.trainingProgress': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.myServiceRequests': { allowed: 'worker', hidden: 'otherWorker' },
  'Query.overdueServiceRequests': { hidden: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.welfareSchemes': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank worker otherWorker analytics analyticsElsewhere service',
  },
  'Query.mySchemes': { hidden: 'worker otherWorker' },
  'Query.awardRound': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes worker otherWorker service',
    withheld: 'accountBank otherBank analytics analyticsElsewhere',
  },
  'Query.trainingNeeds': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'Query.insuranceCoverageGaps': { allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes analytics' },
  'ArrearsWarning@payroll': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes accountBank service',
    hidden: 'portalElsewhere subcontractor rivalEnterprise otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'Enrolment@identity': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor worker service',
    hidden: 'portalElsewhere contractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank otherWorker analytics analyticsElsewhere',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'Enterprise@enterprise': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    withheld: 'accountBank otherBank',
    hidden: 'portalElsewhere subcontractor rivalEnterprise worker otherWorker analytics analyticsElsewhere',
  },
  'Enterprise@identity': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere',
  },
  'Project@enterprise': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes contractor subcontractor enterpriseWithoutScopes service',
    hidden: 'portalElsewhere rivalEnterprise accountBank otherBank worker otherWorker analytics analyticsElsewhere',
  },
  'RealNameCard@identity': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor worker service',
    hidden: 'portalElsewhere contractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank otherWorker analytics analyticsElsewhere',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'ServiceCentre@welfare': {
    allowed:
      'housingPortal hrssPortal inspectionPortal portalElsewhere portalWithoutScopes contractor subcontractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank worker otherWorker analytics analyticsElsewhere service',
  },
  'Worker@identity': {
    allowed: 'housingPortal hrssPortal inspectionPortal portalWithoutScopes subcontractor worker service',
    hidden: 'portalElsewhere contractor rivalEnterprise enterpriseWithoutScopes accountBank otherBank otherWorker analytics analyticsElsewhere',
    unmasked: 'housingPortal hrssPortal inspectionPortal subcontractor service',
  },
  'BiddingEligibility.CheckBiddingEligibility': { allowed: 'tradingPlatform' },
  'BiddingEligibility.GetDepositRateInputs': { allowed: 'service' },
  'WorkerRegistry.VerifyWorkers': { allowed: 'service', unmasked: 'service' },
  'WorkerRegistry.GetCardStatus': { allowed: 'subcontractor service', hidden: 'contractor rivalEnterprise enterpriseWithoutScopes' },
  'PayrollSettlement.ReportSettlements': { allowed: 'accountBank otherBank' },
  'Mutation.registerEnterprise': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.registerProject': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.listOnBlacklist': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.removeFromBlacklist': { hidden: 'housingPortal hrssPortal inspectionPortal portalElsewhere' },
  'Mutation.addSubcontractor': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.appointLabourWageOfficer': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.requestProjectStep': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.reviewProjectStep': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.recordQualification': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.recordCredit': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.openTender': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.submitBid': { allowed: 'contractor subcontractor rivalEnterprise enterpriseWithoutScopes' },
  'Mutation.awardTender': { allowed: 'hrssPortal inspectionPortal', hidden: 'housingPortal' },
  'Mutation.cancelTender': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.registerWorker': { allowed: 'housingPortal hrssPortal inspectionPortal contractor subcontractor rivalEnterprise' },
  'Mutation.changeWageCard': { allowed: 'worker' },
  'Mutation.issueResponsiblePersonCard': { allowed: 'housingPortal hrssPortal inspectionPortal portalElsewhere subcontractor' },
  'Mutation.freezeRealNameCard': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.unfreezeRealNameCard': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.cancelRealNameCard': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.enrolWorker': { allowed: 'subcontractor' },
  'Mutation.endEnrolment': { allowed: 'housingPortal hrssPortal inspectionPortal subcontractor' },
  'Mutation.recordAttendance': { allowed: 'contractor subcontractor rivalEnterprise service' },
  'Mutation.closeAttendanceMonth': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.recordWorkerConduct': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.requestWageAccount': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.confirmWageAccountOpened': { allowed: 'accountBank' },
  'Mutation.startWageAccountClosing': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.closeWageAccount': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.prepareWageSheet': { allowed: 'contractor subcontractor rivalEnterprise' },
  'Mutation.confirmWageLine': { allowed: 'worker', hidden: 'otherWorker' },
  'Mutation.disputeWageLine': { allowed: 'worker', hidden: 'otherWorker' },
  'Mutation.reviewWageSheet': { allowed: 'contractor' },
  'Mutation.approveWageSheet': { allowed: 'contractor' },
  'Mutation.reissueFailedPayments': { allowed: 'contractor' },
  'Mutation.returnWageSheet': { allowed: 'contractor' },
  'Mutation.scheduleFunding': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.placeDeposit': { allowed: 'contractor' },
  'Mutation.startDepositDrawdown': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.confirmDepositDrawdownPaid': { allowed: 'accountBank', hidden: 'otherBank' },
  'Mutation.recordDepositTopUp': { withheld: 'accountBank', hidden: 'otherBank' },
  'Mutation.requestDepositRelease': { allowed: 'contractor' },
  'Mutation.reviewDepositRelease': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.recordFundingReceived': { allowed: 'accountBank', hidden: 'otherBank' },
  'Mutation.buyInjuryInsurance': { allowed: 'housingPortal hrssPortal inspectionPortal contractor' },
  'Mutation.fileComplaint': { allowed: 'housingPortal hrssPortal inspectionPortal portalElsewhere worker otherWorker' },
  'Mutation.advanceComplaint': { allowed: 'housingPortal' },
  'Mutation.forwardComplaint': { allowed: 'housingPortal inspectionPortal' },
  'Mutation.markComplaintComplex': { allowed: 'inspectionPortal' },
  'Mutation.registerTrainingProvider': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.defineTrainingProgramme': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.scheduleTrainingSession': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.enrolInTraining': { allowed: 'housingPortal hrssPortal inspectionPortal portalElsewhere worker otherWorker' },
  'Mutation.recordTrainingHours': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.completeTraining': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.setTrainingTarget': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.defineServiceType': { allowed: 'housingPortal hrssPortal inspectionPortal portalElsewhere' },
  'Mutation.openServiceRequest': { allowed: 'worker otherWorker' },
  'Mutation.closeServiceRequest': { allowed: 'housingPortal' },
  'Mutation.defineWelfareScheme': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.applyForScheme': { allowed: 'housingPortal hrssPortal inspectionPortal portalElsewhere worker otherWorker' },
  'Mutation.openAwardRound': { allowed: 'housingPortal hrssPortal inspectionPortal' },
  'Mutation.nominateForAward': { allowed: 'housingPortal hrssPortal inspectionPortal contractor subcontractor rivalEnterprise enterpriseWithoutScopes' },
  'Mutation.decideAwards': { allowed: 'housingPortal hrssPortal inspectionPortal' },
};

/** The columns a rule's list names; a name that is no column is a mistake in this file. */
export function columnsOf(list: string | undefined): Column[] {
  return (list ?? '')
    .split(' ')
    .filter(Boolean)
    .map((name) => {
      const column = COLUMNS.find((candidate) => candidate === name);
      if (!column) throw new Error(`the policy names no column "${name}"`);
      return column;
    });
}
