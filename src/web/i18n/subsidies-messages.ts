import { SUBSIDY_WORDS_EN, SUBSIDY_WORDS_ZH } from '../../i18n/subsidy-vocabulary';

/** Subsidies (issue 17 §2): the officer's page; the shared words come from src/i18n. */
export const SUBSIDIES_ZH = {
  ...SUBSIDY_WORDS_ZH,
  'subsidy.page.title': '补贴申报',
  'subsidy.page.intro': '系统按就业、回访、培训和家庭情况算出谁能领、从哪天起、领多少。材料齐了才能申报。',
  'subsidy.page.site': '安置点',
  'subsidy.page.programme': '补贴项目',
  'subsidy.page.period': '期间',
  'subsidy.page.show': '查看',
  'subsidy.page.eligible': '可以申报（{count} 人）',
  'subsidy.page.none': '这一期没有符合条件的人。',
  'subsidy.page.since': '{date} 起符合',
  'subsidy.page.amount': '{amount} 元',
  'subsidy.page.evidence': '材料',
  'subsidy.page.mark': '标记',
  'subsidy.page.save': '保存',
  'subsidy.page.claim': '申报',
  'subsidy.page.claimed': '已申报',
  'subsidy.page.incomplete': '材料不齐，先补材料',
  'subsidy.page.claims': '已申报名单',
  'subsidy.page.noClaims': '还没有申报。',
  'subsidy.page.roster': '下载公示名单（{period}）',
  'subsidy.page.done.claim': '已申报。',
  'subsidy.page.done.evidence': '材料已更新。',
  'subsidy.page.noSite': '你还没有负责的安置点。',
} as const;

export type SubsidiesKey = keyof typeof SUBSIDIES_ZH;

export const SUBSIDIES_EN: Record<SubsidiesKey, string> = {
  ...SUBSIDY_WORDS_EN,
  'subsidy.page.title': 'Subsidies',
  'subsidy.page.intro':
    'Who is due what, since when and how much, from work, follow-ups, training and household records. File a claim once the evidence is complete.',
  'subsidy.page.site': 'Site',
  'subsidy.page.programme': 'Programme',
  'subsidy.page.period': 'Period',
  'subsidy.page.show': 'Show',
  'subsidy.page.eligible': 'Eligible ({count})',
  'subsidy.page.none': 'Nobody is eligible in this period.',
  'subsidy.page.since': 'eligible since {date}',
  'subsidy.page.amount': '{amount} yuan',
  'subsidy.page.evidence': 'Evidence',
  'subsidy.page.mark': 'Mark',
  'subsidy.page.save': 'Save',
  'subsidy.page.claim': 'File claim',
  'subsidy.page.claimed': 'Claimed',
  'subsidy.page.incomplete': 'Evidence incomplete',
  'subsidy.page.claims': 'Claims filed',
  'subsidy.page.noClaims': 'No claims yet.',
  'subsidy.page.roster': 'Download the notice roster ({period})',
  'subsidy.page.done.claim': 'Claim filed.',
  'subsidy.page.done.evidence': 'Evidence updated.',
  'subsidy.page.noSite': 'You manage no site yet.',
};
