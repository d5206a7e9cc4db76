/**
 * The officer pages' strings shared by every officer page: the menu, site picker and pager, the
 * dashboard (figures and charts), the confirmations. Part of the officer catalogue
 * (officer-messages.ts); Chinese defines the keys, English must have every one (type-checked).
 */
export const OFFICER_COMMON_ZH = {
  'officer.nav.queue': '零就业',
  'officer.nav.matches': '推荐',
  'officer.nav.followUps': '回访',
  'officer.nav.notifications': '消息',

  'officer.site': '安置点',

  'officer.allSites': '全部安置点',

  'officer.show': '查看',

  'officer.total': '共 {n} 条',

  'officer.pager': '翻页',

  'officer.prev': '上一页',

  'officer.next': '下一页',

  'officer.pageOf': '第 {page} / {pages} 页',

  'officer.month': '月份',

  'officer.yes': '是',

  'officer.no': '否',

  'officer.noSites': '您还没有负责的安置点，请联系管理员。',

  'officer.exportExcel': '导出 Excel',

  'officer.dashboard.title': '工作台',
  'officer.dashboard.queues': '待办',
  'officer.dashboard.figures': '本安置点数字',

  'officer.queue.zeroEmployment': '零就业家庭',
  'officer.queue.matches': '待推荐',
  'officer.queue.followUps': '待回访',
  'officer.queue.employers': '待审核单位',
  'officer.queue.unread': '未读消息',

  'officer.fig.households': '搬迁户数',
  'officer.fig.employmentRate': '就业率',
  'officer.fig.zeroEmployment': '零就业家庭',
  'officer.fig.activePlacements': '在岗人数',

  'officer.chart.rate': '各安置点就业率',
  'officer.chart.rateName': '{site}：就业率 {rate}，{employed} / {total} 人，查看居民名单',
  'officer.chart.placements': '每月新就业人数（近 12 个月）',
  'officer.chart.placementsHeader': '新就业人数',
  'officer.chart.placementsName': '{month}：{n} 人开始工作，查看名单',
  'officer.chart.zero': '零就业家庭变化（近 12 个月）',
  'officer.chart.zeroName': '{month}：{n} 户零就业，查看现在的名单',
  'officer.chart.gaps': '最缺的技能（岗位要、居民没有）',
  'officer.chart.gapText': '缺 {n} 人',
  'officer.chart.gapName': '{skill}：{postings} 个岗位要 {openings} 人，本点只有 {holding} 人会，查看待推荐',
  'officer.chart.gapHeader': '缺口',
  'officer.chart.skill': '技能',
  'officer.chart.numbers': '看数字',
  'officer.chart.noGaps': '附近岗位要的技能，本点居民都有人会。',

  'officer.done.verified': '已核实通过，单位现在可以发布岗位。',
  'officer.done.placement': '已登记就业，已记在这位居民的就业记录里。',
  'officer.done.contact': '已记录这次联系。',
  'officer.done.referral': '已推荐报名，报名记录在下面。',
  'officer.done.followUp': '已记录回访。',
  'officer.done.ended': '已登记离岗。',

  'officer.fig.activePlacementRecords': '在岗就业记录',
  'officer.fig.employedPeople': '就业人数',

  'officer.chart.placementsByMonth': '每月新就业人数',
  'officer.chart.zeroByMonth': '零就业家庭变化',
  'officer.chart.fromFirst': '从本点第一条就业记录的月份起，最多近 12 个月。',
  'officer.chart.noMonths': '还没有就业记录，暂无按月的数字。',
  'officer.chart.monthLabel': '{year}年{month}月',

  'officer.fig.definitions': '每个数字怎么算',
} as const;

export const OFFICER_COMMON_EN: Record<keyof typeof OFFICER_COMMON_ZH, string> = {
  'officer.nav.queue': 'No work',
  'officer.nav.matches': 'Refer',
  'officer.nav.followUps': 'Follow-ups',
  'officer.nav.notifications': 'Inbox',

  'officer.site': 'Site',

  'officer.allSites': 'All sites',

  'officer.show': 'Show',

  'officer.total': '{n} in all',

  'officer.pager': 'Pages',

  'officer.prev': 'Previous',

  'officer.next': 'Next',

  'officer.pageOf': 'Page {page} of {pages}',

  'officer.month': 'Month',

  'officer.yes': 'Yes',

  'officer.no': 'No',

  'officer.noSites': 'You are not responsible for any site yet. Please ask the administrator.',

  'officer.exportExcel': 'Export to Excel',

  'officer.dashboard.title': 'Work queue',
  'officer.dashboard.queues': 'To do',
  'officer.dashboard.figures': 'This site in numbers',

  'officer.queue.zeroEmployment': 'Households with no one at work',
  'officer.queue.matches': 'Matches to refer',
  'officer.queue.followUps': 'Follow-ups due',
  'officer.queue.employers': 'Employers to verify',
  'officer.queue.unread': 'Unread messages',

  'officer.fig.households': 'Households',
  'officer.fig.employmentRate': 'Employment rate',
  'officer.fig.zeroEmployment': 'Zero-employment households',
  'officer.fig.activePlacements': 'People at work',

  'officer.chart.rate': 'Employment rate per site',
  'officer.chart.rateName': '{site}: employment rate {rate}, {employed} of {total}; see the residents',
  'officer.chart.placements': 'People starting work per month (last 12)',
  'officer.chart.placementsHeader': 'Started work',
  'officer.chart.placementsName': '{month}: {n} started work; see the list',
  'officer.chart.zero': 'Zero-employment households over time (last 12 months)',
  'officer.chart.zeroName': '{month}: {n} zero-employment households; see today’s list',
  'officer.chart.gaps': 'Skills most wanted that residents lack',
  'officer.chart.gapText': '{n} short',
  'officer.chart.gapName':
    '{skill}: {postings} postings want {openings} people, {holding} residents have it; see matches to refer',
  'officer.chart.gapHeader': 'Shortfall',
  'officer.chart.skill': 'Skill',
  'officer.chart.numbers': 'Show the numbers',
  'officer.chart.noGaps': 'Residents of this site hold every skill nearby postings ask for.',

  'officer.done.verified': 'Verified; the employer can publish postings now.',
  'officer.done.placement': 'Placement recorded; it is in the resident’s placements.',
  'officer.done.contact': 'Contact logged.',
  'officer.done.referral': 'Referred; the application is listed below.',
  'officer.done.followUp': 'Follow-up recorded.',
  'officer.done.ended': 'Placement ended.',

  'officer.fig.activePlacementRecords': 'Active placements',
  'officer.fig.employedPeople': 'Employed',

  'officer.chart.placementsByMonth': 'People starting work per month',
  'officer.chart.zeroByMonth': 'Zero-employment households over time',
  'officer.chart.fromFirst': 'From the month of the site’s first placement, at most the last 12 months.',
  'officer.chart.noMonths': 'No placements yet, so no monthly figures.',
  'officer.chart.monthLabel': '{year}-{month}',

  'officer.fig.definitions': 'How each figure is counted',
};
