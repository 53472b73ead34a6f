/** Names of the rules that bar an enterprise from bidding (中文, English); the graph gives the codes. */
const RULE_NAMES: Record<string, readonly [string, string]> = {
  BLACKLISTED: ['列入失信联合惩戒名单', 'On the dishonesty list'],
  RED_ARREARS_WARNING: ['红色欠薪预警', 'Red arrears warning'],
  ENTERPRISE_CARD_FROZEN: ['企业实名制卡冻结', "Enterprise's card frozen"],
  RESPONSIBLE_PERSON_CARD_FROZEN: ['负责人实名制卡冻结', "Responsible person's card frozen"],
  WAGE_ACCOUNT_MISSING: ['未开立工资专用账户', 'No dedicated wage account'],
  DEPOSIT_MISSING: ['未缴存工资保证金', 'No wage deposit'],
  REAL_NAME_ENROLMENT_MISSING: ['未落实实名制登记', 'No real-name enrolment'],
  QUALIFICATION_EXPIRED: ['资质过期', 'Qualification expired'],
};

/** The rule's name in the reader's language (its code for a rule this build does not know). */
export const eligibilityRuleName = (code: string, t: (zh: string, en: string) => string): string => {
  const names = RULE_NAMES[code];
  return names ? t(names[0], names[1]) : code;
};
