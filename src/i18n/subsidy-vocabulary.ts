/**
 * The words of subsidies (issue 17 §2), in zh and en: programmes, evidence items and their
 * statuses, what an amount rests on, the notice roster's headers. Core, not web: the notice
 * roster (an Excel export of the subsidies feature) and the officers' page both take them from
 * here. The web catalogue spreads them in.
 */
export const SUBSIDY_WORDS_ZH = {
  'subsidy.programme.transport': '外出务工交通补贴',
  'subsidy.programme.job_seeking': '一次性求职补贴',
  'subsidy.programme.training_allowance': '培训生活费补贴',
  'subsidy.programme.public_welfare': '公益性岗位补贴',
  'subsidy.evidence.national_id': '身份证',
  'subsidy.evidence.proof_of_work': '就业证明',
  'subsidy.evidence.follow_up_1m': '1 个月回访',
  'subsidy.evidence.follow_up_3m': '3 个月回访',
  'subsidy.evidence.household_status': '家庭监测状态',
  'subsidy.evidence.attendance': '培训出勤',
  'subsidy.evidence.employment_certificate': '上岗证明',
  'subsidy.evidence.wage_ledger': '工资台账',
  'subsidy.evidence.bank_account': '银行账户',
  'subsidy.status.missing': '缺',
  'subsidy.status.provided': '已交',
  'subsidy.status.verified': '已核',
  'subsidy.destination.outOfProvince': '省外',
  'subsidy.destination.inProvince': '省内',
  'subsidy.destination.inPrefecture': '州内',
  'subsidy.basis.transport': '{city}（{destination}），已干 {months} 个月',
  'subsidy.basis.training': '出勤 {days} 天',
  'subsidy.basis.publicWelfare': '月工资 {wage} 元 × {months} 个月，最长到 {until}',
  'subsidy.roster.sheet': '公示名单',
  'subsidy.roster.file': '补贴公示名单',
  'subsidy.roster.no': '序号',
  'subsidy.roster.name': '姓名',
  'subsidy.roster.nationalId': '身份证号',
  'subsidy.roster.programme': '补贴项目',
  'subsidy.roster.period': '期间',
  'subsidy.roster.amount': '金额（元）',
  'subsidy.roster.basis': '依据',
} as const;

export type SubsidyWordKey = keyof typeof SUBSIDY_WORDS_ZH;

export const SUBSIDY_WORDS_EN: Record<SubsidyWordKey, string> = {
  'subsidy.programme.transport': 'Transport subsidy for work away',
  'subsidy.programme.job_seeking': 'One-time job-seeking subsidy',
  'subsidy.programme.training_allowance': 'Training living allowance',
  'subsidy.programme.public_welfare': 'Public-welfare post wage',
  'subsidy.evidence.national_id': 'ID card',
  'subsidy.evidence.proof_of_work': 'Proof of work',
  'subsidy.evidence.follow_up_1m': '1-month follow-up',
  'subsidy.evidence.follow_up_3m': '3-month follow-up',
  'subsidy.evidence.household_status': 'Household status',
  'subsidy.evidence.attendance': 'Attendance',
  'subsidy.evidence.employment_certificate': 'Employment certificate',
  'subsidy.evidence.wage_ledger': 'Wage ledger',
  'subsidy.evidence.bank_account': 'Bank account',
  'subsidy.status.missing': 'missing',
  'subsidy.status.provided': 'provided',
  'subsidy.status.verified': 'verified',
  'subsidy.destination.outOfProvince': 'out of province',
  'subsidy.destination.inProvince': 'in province',
  'subsidy.destination.inPrefecture': 'in the prefecture',
  'subsidy.basis.transport': '{city} ({destination}), {months} months of work',
  'subsidy.basis.training': '{days} days of attendance',
  'subsidy.basis.publicWelfare': '{wage} yuan a month × {months} months, at most until {until}',
  'subsidy.roster.sheet': 'Notice roster',
  'subsidy.roster.file': 'Subsidy notice roster',
  'subsidy.roster.no': 'No.',
  'subsidy.roster.name': 'Name',
  'subsidy.roster.nationalId': 'National ID',
  'subsidy.roster.programme': 'Programme',
  'subsidy.roster.period': 'Period',
  'subsidy.roster.amount': 'Amount (yuan)',
  'subsidy.roster.basis': 'Basis',
};

export type SubsidyWords = (key: SubsidyWordKey, params?: Record<string, string | number>) => string;

/** A translate function over these words only (the roster is always Chinese: it is posted publicly). */
export function subsidyWords(lang: 'zh' | 'en' = 'zh'): SubsidyWords {
  const words: Record<SubsidyWordKey, string> = lang === 'zh' ? SUBSIDY_WORDS_ZH : SUBSIDY_WORDS_EN;
  return (key, params) =>
    words[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
}

/** What an amount rests on, in words an officer checks against paper (page and roster). */
export function basisText(
  t: SubsidyWords,
  programme: string,
  b: {
    partnerCity?: string | null;
    destination?: string;
    monthsWorked?: number;
    days?: number;
    monthlyWage?: number;
    months?: number;
    until?: string;
  },
): string {
  if (programme === 'transport' && b.destination)
    return t('subsidy.basis.transport', {
      city: b.partnerCity ?? '',
      destination: t(`subsidy.destination.${b.destination}` as SubsidyWordKey),
      months: b.monthsWorked ?? 0,
    });
  if (programme === 'training_allowance') return t('subsidy.basis.training', { days: b.days ?? 0 });
  if (programme === 'public_welfare')
    return t('subsidy.basis.publicWelfare', {
      wage: b.monthlyWage ?? 0,
      months: b.months ?? 0,
      until: b.until ?? '',
    });
  return '';
}
