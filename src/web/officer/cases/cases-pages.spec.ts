import type { FastifyReply } from 'fastify';
import { h, type VNode } from 'preact';
import type { CaseDashboardDto, DashboardGroupDto } from '../../../casework/dto/case-dashboard.dto';
import type { CaseDetailDto, CaseDto } from '../../../casework/dto/case.dto';
import type { CaseFigures } from '../../../casework/case-figures';
import type { Lang } from '../../../i18n/web/messages';
import { render } from '../../render';
import { CasePage } from './case-page';
import { CasesDashboardPage } from './cases-dashboard-page';
import { CasesQueuePage, type QueueFilter } from './cases-queue-page';

/*
 * Issue 14: an officer who switched to English reads the casework pages in English. The data here
 * (household and site names, notes) is ASCII, so any Chinese character or full-width punctuation
 * in the page's <title> or <main> is a word the page itself wrote.
 */

const TODAY = '2026-11-02'; // a Monday

/** The page as the browser gets it, rendered through the real `render` for a reader of `lang`. */
function pageHtml<P>(lang: Lang, page: VNode<P>): string {
  let html = '';
  const reply = {
    request: { leyeWeb: { lang, csrfToken: 'token' }, url: '/officer/cases', id: 'req-1' },
    status: () => reply,
    header: () => reply,
    send: (body: string) => {
      html = body;
      return reply;
    },
  };
  render(reply as unknown as FastifyReply, page as unknown as VNode);
  return html;
}

/** What the page itself says: its title and its main part as text, not the top bar's brand or language switch. */
function pageText(html: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const main = /<main id="main">([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const text = `${title}\n${main}`
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .replace(/\s+/g, ' ');
  return text;
}

/** Each Chinese character or full-width mark with a little of the text around it. */
function chineseIn(text: string): string[] {
  return [...text.matchAll(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu)].map((m) =>
    text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20),
  );
}

function aCase(over: Partial<CaseDto>): CaseDto {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    householdId: '22222222-2222-4222-8222-222222222222',
    householdName: '12 号（Zhang San家）', // as casework/case-view.ts names it, for the API
    householdNumber: 12,
    headName: 'Zhang San',
    siteId: '33333333-3333-4333-8333-333333333333',
    originRegionCode: '422802101',
    status: 'open',
    cause: 'placement_ended',
    openedAt: new Date('2026-10-29T02:00:00Z'),
    firstContactDueOn: '2026-11-03',
    clearDueOn: '2026-11-05',
    firstContactOn: null,
    overdue: false,
    workingDaysLeft: 1,
    services: { policyBriefing: 1, guidance: 0, referrals: 2, trainingOffers: 0 },
    closedReason: null,
    ...over,
  };
}

const QUEUE = [
  aCase({}),
  aCase({
    id: '44444444-4444-4444-8444-444444444444',
    householdName: '7 号（Li Si家）',
    householdNumber: 7,
    headName: 'Li Si',
    status: 'assisting',
    firstContactOn: '2026-10-20',
    clearDueOn: '2026-10-30',
    overdue: true,
  }),
  aCase({ id: '55555555-5555-4555-8555-555555555555', householdName: '3 号', householdNumber: 3, headName: null, status: 'employed' }),
];

const FIGURES: CaseFigures = {
  open: 2,
  overdue: 1,
  medianWorkingDaysToFirstContact: 2.5,
  clearedWithinDeadline: 0.5,
  contacted: 2,
  judged: 2,
};

const FILTERS: QueueFilter[] = [
  { overdueOnly: false, all: false },
  { overdueOnly: true, all: true, siteId: QUEUE[0].siteId },
  { overdueOnly: false, all: false, originRegionCode: '422802101' },
];

function queuePages(lang: Lang): string[] {
  return [
    ...FILTERS.map((filter) =>
      pageHtml(lang, h(CasesQueuePage, { cases: QUEUE, total: 3, today: TODAY, filter, figures: FIGURES })),
    ),
    pageHtml(
      lang,
      h(CasesQueuePage, {
        cases: [],
        total: 0,
        today: TODAY,
        filter: FILTERS[0],
        figures: { ...FIGURES, medianWorkingDaysToFirstContact: null, clearedWithinDeadline: null },
      }),
    ),
  ];
}

function detail(over: Partial<CaseDetailDto>): CaseDetailDto {
  return {
    ...aCase({ status: 'assisting', firstContactOn: '2026-10-30' }),
    actions: [
      {
        id: '66666666-6666-4666-8666-666666666666',
        kind: 'phone',
        date: '2026-10-30',
        residentId: null,
        postingId: null,
        courseId: null,
        outcome: 'reached',
        note: 'wants work at the tea factory',
        officerId: '77777777-7777-4777-8777-777777777777',
      },
    ],
    ledger: {
      familySituation: null,
      unemploymentCause: null,
      skillsNote: null,
      trainingWish: null,
      jobIntention: null,
    },
    serviceBundle: '131',
    members: [],
    ...over,
  };
}

function casePages(lang: Lang): string[] {
  return [
    pageHtml(lang, h(CasePage, { c: detail({}), today: TODAY, done: true })),
    pageHtml(lang, h(CasePage, { c: detail({}), today: TODAY, error: 'Please check: Date' })),
    pageHtml(lang, h(CasePage, { c: detail({ status: 'closed', actions: [] }), today: TODAY })),
  ];
}

function group(over: Partial<DashboardGroupDto>): DashboardGroupDto {
  return {
    id: QUEUE[0].siteId,
    name: 'Wendou resettlement site',
    open: 1,
    overdue: 1,
    medianWorkingDaysToFirstContact: 1,
    contacted: 1,
    clearedWithinDeadline: null,
    judged: 0,
    bundle: { members: 1, complete: 0, share: 0 },
    links: { cases: '', overdue: '', all: '' },
    ...over,
  };
}

function dashboardPages(lang: Lang): string[] {
  const d: CaseDashboardDto = {
    today: TODAY,
    sites: [group({}), group({ id: 'x', open: 3, overdue: 0, medianWorkingDaysToFirstContact: null })],
    townships: [],
  };
  return [pageHtml(lang, h(CasesDashboardPage, { d }))];
}

describe('the casework pages in English', () => {
  it.each([
    ['the queue', queuePages],
    ['a case', casePages],
    ['the dashboard', dashboardPages],
  ])('%s shows no Chinese outside the data', (_name, pages) => {
    for (const html of pages('en')) {
      const text = pageText(html);
      expect(text.length).toBeGreaterThan(100);
      expect(chineseIn(text)).toEqual([]);
    }
  });

  it('counts in English words, one and many', () => {
    const queue = pageText(queuePages('en')[1]);
    expect(queue).toContain('No. 12 (Zhang San’s household) · To help');
    expect(queue).toContain('Household No. 3 · At work');
    expect(queue).toContain('2 to clear');
    expect(queue).toContain('Median time to first contact: 2.5 working days');
    expect(queue).toContain('First contact due 2026-11-03: 1 working day left');
    expect(queue).toContain('3 days overdue');
    expect(queue).toContain('3 in the list at this site, all cases');
    expect(queue).toContain('Policy briefing 1 · Career guidance 0 · Job referral 2 · Training offer 0');
    const c = pageText(casePages('en')[0]);
    expect(c).toContain('No. 12 (Zhang San’s household) · Leye');
    expect(c).toContain('Phone call (Reached): wants work at the tea factory');
    expect(c).toContain('(contacted 2026-10-30)');
    const dashboard = pageText(dashboardPages('en')[0]);
    expect(dashboard).toContain('1 household');
    expect(dashboard).toContain('3 households');
    expect(dashboard).toContain('1 working day');
    expect(dashboard).toContain('0 of 1 (0%)');
  });
});

describe('the casework pages in Chinese', () => {
  it('read as they did before the English catalogue', () => {
    const html = [...queuePages('zh'), ...casePages('zh'), ...dashboardPages('zh')].join('\n');
    for (const text of [
      '<title>12 号（Zhang San家） · 乐业</title>',
      '>7 号（Li Si家）</a> · 帮扶中',
      '>3 号</a> · 已就业',
      '待清零 2 户',
      '已超期 1 户',
      '首次联系用时中位数：2.5 个工作日',
      '按期清零率：50%',
      '本安置点全部案件（含已就业、已销号）列表 3 户。',
      '户籍地 422802101列表 3 户。',
      '首次联系期限 2026-11-03：<strong>还剩 1 个工作日</strong>',
      '清零期限 2026-10-30：<strong>已超期 3 天</strong>',
      '首次联系 — · 清零期限 2026-11-05',
      '已服务：政策宣讲 1 · 职业指导 0 · 岗位推荐 2 · 培训机会 0',
      '没有待帮扶的零就业家庭。',
      '已记录。',
      '2026-11-03（2026-10-30 已联系）',
      '2026-10-30 电话（已联系上）：wants work at the tea factory',
      '还没有记录。',
      '<label for="f-kind">方式</label>',
      '统计日期 2026-11-02。服务包按有劳动能力的成员计。<a href="/officer/cases">返回帮扶列表</a>',
      '>1 户</a>',
      '>1 个工作日</a>',
      '0/1 人 0%',
      '首次联系用时中位数（1 户已联系）',
    ]) {
      expect([text, html.includes(text)]).toEqual([text, true]);
    }
  });
});
