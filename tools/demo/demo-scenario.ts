import { COURSE_TEMPLATES } from './course-templates';
import { BAIYANGBA, jitter, LICHUAN, WENDOU, type Township } from './geography';
import { SYNTHETIC_MARK } from './names';
import { POSTING_TEMPLATES, type PostingTemplate } from './posting-templates';
import {
  PopulationBuilder,
  type EmployerRow,
  type Population,
  type ResidentRow,
  type SkillRef,
} from './population';

/** The password of every demo account (README "Demo accounts"). */
export const DEMO_PASSWORD = 'Leye-demo-2026';

/** The demo logins of README.md, in its order. */
export const DEMO_ACCOUNTS = {
  siteOfficer: '13800000001',
  originOfficer: '13800000002',
  teaEmployer: '13800000011',
  workshopEmployer: '13800000012',
  provider: '13800000021',
  resident: '13800000031',
} as const;

/** 沙溪乡: the origin township of many demo households (the featured resident's among them). */
export const ORIGIN_TOWNSHIP = '422802205';

export const DEMO_SEED = 20260107;

export interface DemoLogin {
  role: string;
  phone: string;
  who: string;
}

export interface DemoOptions {
  skills: SkillRef[];
  townships: Township[];
  asOf: string;
  now: Date;
  seed?: number;
  /** Residents to build (default 900, about 270 households). */
  residents?: number;
}

/**
 * The demo of README.md: the real township 文斗镇 (422802107, 利川市) with its resettlement site,
 * 永兴佳园 in 柏杨坝镇 (422802101; POLICY.md's Lichuan example), about 900 synthetic residents,
 * the local employers (tea, herbs, tourism, the workshop at the site, a labour-service company …),
 * about 30 open postings and a few drafts, upcoming courses and the demo accounts.
 */
export function buildDemoPopulation(o: DemoOptions): { population: Population; logins: DemoLogin[] } {
  const b = new PopulationBuilder({ seed: o.seed ?? DEMO_SEED, skills: o.skills, asOf: o.asOf });
  const rng = b.rng;
  const today = o.now.toISOString().slice(0, 10);
  const township = (code: string): Township => {
    const t = o.townships.find((x) => x.code === code);
    if (!t) throw new Error(`township ${code} is not among the loaded regions`);
    return t;
  };
  const wendou = township(WENDOU);
  const baiyangba = township(BAIYANGBA);

  const s1 = b.site(wendou, `文斗镇集中安置点${SYNTHETIC_MARK}`, { latitude: 30.0215, longitude: 108.6042 });
  const s2 = b.site(baiyangba, `永兴佳园安置点${SYNTHETIC_MARK}`, { latitude: 30.5618, longitude: 108.8277 });
  s1.capacity = 1200;
  s1.openedOn = '2019-12-01';
  s2.capacity = 3000;
  s2.openedOn = '2018-06-01';

  const siteOfficer = b.user({
    phone: DEMO_ACCOUNTS.siteOfficer,
    name: `文斗镇安置点就业专干${SYNTHETIC_MARK}`,
    role: 'officer',
    password: 'demo',
    scopeSiteIds: [s1.id, s2.id],
  });
  // Demo accounts reach demo sites only (issue 12 item 6): a region scope would also cover the
  // real households of that township, at real sites, once real data is loaded beside the demo.
  b.user({
    phone: DEMO_ACCOUNTS.originOfficer,
    name: `文斗镇安置点帮扶专干${SYNTHETIC_MARK}`,
    role: 'officer',
    password: 'demo',
    scopeSiteIds: [s1.id],
  });

  // The demo resident's household first, so it does not depend on the draws after it.
  const featured = featuredResident(b, s1);
  b.user({
    phone: DEMO_ACCOUNTS.resident,
    name: featured.name,
    role: 'resident',
    password: 'demo',
    residentId: featured.id,
  });

  const wendouOrigins: [string, number][] = [
    [WENDOU, 35],
    [ORIGIN_TOWNSHIP, 30],
    ['422802106', 20],
    ['422802104', 15],
  ];
  const baiyangbaOrigins: [string, number][] = [
    [BAIYANGBA, 40],
    ['422802100', 30],
    ['422802103', 30],
  ];
  const target = o.residents ?? 900;
  let residents = b.pop.residents.length;
  while (residents < target) {
    const atWendou = residents < target * 0.65;
    const { members } = b.household(
      atWendou ? s1 : s2,
      atWendou ? wendouOrigins : baiyangbaOrigins,
      target - residents,
    );
    residents += members.length;
  }

  // Employers: all verified by the site officer.
  const owner = (phone: string | null, who: string) =>
    b.user({
      phone: phone ?? b.accountPhone('employer'),
      name: `${who}${SYNTHETIC_MARK}`,
      role: 'employer',
      password: phone ? 'demo' : 'none',
    });
  const near = (t: Township, centre: { latitude: number; longitude: number }, km: number) => ({
    township: t,
    place: jitter(rng, centre, km),
  });
  const mk = (
    name: string,
    kind: EmployerRow['kind'],
    industry: EmployerRow['industry'],
    at: { township: Township; place: { latitude: number; longitude: number } },
    address: string,
    ownerPhone: string | null,
    ownerName: string,
  ) =>
    b.employer({
      name: `${name}${SYNTHETIC_MARK}`,
      kind,
      industry,
      township: at.township,
      place: at.place,
      address,
      owner: owner(ownerPhone, ownerName),
    });

  const tea = mk(
    '利川市文斗富硒茶业有限公司',
    'enterprise',
    'tea',
    near(wendou, s1, 4),
    '利川市文斗镇茶园基地',
    DEMO_ACCOUNTS.teaEmployer,
    '茶业公司负责人',
  );
  const workshop = mk(
    '文斗镇安置点就业帮扶车间',
    'workshop',
    'garments',
    { township: wendou, place: jitter(rng, s1, 0.3) },
    '利川市文斗镇集中安置点一楼',
    DEMO_ACCOUNTS.workshopEmployer,
    '帮扶车间负责人',
  );
  const herbal = mk(
    '利川市文斗黄连中药材种植专业合作社',
    'cooperative',
    'herbal_medicine',
    near(wendou, s1, 7),
    '利川市文斗镇黄连基地',
    null,
    '合作社负责人',
  );
  const homestay = mk(
    '利川市文斗山水民宿文化旅游有限公司',
    'enterprise',
    'tourism',
    near(wendou, s1, 10),
    '利川市文斗镇民宿集群',
    null,
    '民宿公司负责人',
  );
  const labour = mk(
    '利川市安居劳务服务有限公司',
    'labour_service',
    'construction',
    near(baiyangba, s2, 2),
    '利川市柏杨坝镇永兴佳园旁',
    null,
    '劳务公司负责人',
  );
  const property = mk(
    '利川市永兴佳园物业管理有限公司',
    'enterprise',
    'property_services',
    { township: baiyangba, place: jitter(rng, s2, 0.5) },
    '利川市柏杨坝镇永兴佳园',
    null,
    '物业公司负责人',
  );
  const catering = mk(
    '文斗镇土家风味餐饮有限公司',
    'enterprise',
    'catering',
    near(wendou, s1, 2),
    '利川市文斗镇集镇',
    null,
    '餐饮公司负责人',
  );
  const community = mk(
    '文斗镇社区公益服务中心',
    'public_welfare',
    'public_welfare',
    { township: wendou, place: jitter(rng, s1, 0.5) },
    '利川市文斗镇集中安置点',
    null,
    '社区服务中心负责人',
  );

  const open = (
    e: EmployerRow,
    titles: string[],
    extra: Partial<{ accommodation: number; shuttle: number }> = {},
  ) => {
    for (const title of titles)
      b.posting(e, withOverrides(template(title), extra), {
        status: 'open',
        today,
        now: o.now,
        shuttle: extra.shuttle,
      });
  };
  open(tea, ['采茶工', '制茶工', '茶叶包装工', '茶园管护工'], { shuttle: 0.8 });
  open(workshop, ['缝纫工', '剪线头工', '鞋面缝制工', '假发制作工']);
  open(herbal, ['黄连种植工', '药材分拣工', '药材加工工'], { shuttle: 0.5 });
  open(homestay, ['民宿服务员', '客房服务员', '景区讲解员', '土家菜厨师']);
  open(labour, ['砌筑工（大工）', '钢筋工', '建筑小工', '持证电工', '货车司机']);
  open(labour, ['电子组装工', '流水线操作工'], { accommodation: 1 });
  open(property, ['小区保洁员', '绿化养护工', '保安', '物业维修工']);
  open(catering, ['厨房帮工', '餐厅服务员']);
  open(community, ['道路保洁员（公益性岗位）', '社区网格员']);
  for (const [e, title] of [
    [tea, '直播带货主播'],
    [workshop, '电商打包员'],
    [labour, '乡镇快递员'],
  ] as const) {
    b.posting(e, template(title), { status: 'draft', today, now: o.now });
  }

  // Upcoming courses of the demo training school.
  const provider = b.user({
    phone: DEMO_ACCOUNTS.provider,
    name: `利川市职业技能培训学校${SYNTHETIC_MARK}`,
    role: 'provider',
    password: 'demo',
  });
  const lichuanSeat = o.townships.find((t) => t.code.startsWith(LICHUAN) && t.code[6] === '0') ?? wendou;
  const courses: [string, Township, { latitude: number; longitude: number }, string, number][] = [
    ['茶叶加工技能培训', wendou, tea, '利川市文斗镇茶园基地培训室', 7],
    ['养老护理员培训', wendou, s1, '文斗镇集中安置点社区服务中心', 14],
    ['电商直播带货培训', baiyangba, s2, '永兴佳园安置点电商服务站', 10],
    ['低压电工作业培训', lichuanSeat, lichuanSeat, '利川市职业技能培训学校实训楼', 21],
    ['缝纫工技能培训', wendou, workshop, '文斗镇安置点就业帮扶车间', 5],
    ['中式面点培训', wendou, s1, '文斗镇集中安置点社区服务中心', 30],
  ];
  for (const [title, t, place, address, inDays] of courses) {
    const tpl = COURSE_TEMPLATES.find((c) => c.title === title)!;
    const course = b.course(tpl, {
      provider,
      township: t,
      place: { latitude: place.latitude, longitude: place.longitude },
      address,
      startsInDays: inDays,
      today,
    });
    // A few residents of the course's site already signed up (by the site officer).
    const siteId = t.code === BAIYANGBA ? s2.id : s1.id;
    const candidates = b.pop.residents.filter(
      (r) => r.siteId === siteId && r.employmentStatus === 'unemployed' && r.id !== featured.id,
    );
    for (let i = 0; i < Math.min(candidates.length, rng.int(3, 6)); i++) {
      const r = candidates[rng.int(0, candidates.length - 1)];
      if (b.pop.enrollments.some((e) => e.courseId === course.id && e.residentId === r.id)) continue;
      b.pop.enrollments.push({
        id: rng.uuid(),
        courseId: course.id,
        residentId: r.id,
        enrolledBy: siteOfficer.id,
      });
    }
  }

  const logins: DemoLogin[] = [
    {
      role: 'officer',
      phone: DEMO_ACCOUNTS.siteOfficer,
      who: 'employment officer of the 文斗镇 and 永兴佳园 sites',
    },
    {
      role: 'officer',
      phone: DEMO_ACCOUNTS.originOfficer,
      who: 'officer of the 文斗镇 demo site only',
    },
    { role: 'employer', phone: DEMO_ACCOUNTS.teaEmployer, who: tea.name },
    { role: 'employer', phone: DEMO_ACCOUNTS.workshopEmployer, who: workshop.name },
    { role: 'provider', phone: DEMO_ACCOUNTS.provider, who: provider.name },
    {
      role: 'resident',
      phone: DEMO_ACCOUNTS.resident,
      who: `${featured.name}, a resident of the 文斗镇 site`,
    },
  ];
  return { population: b.pop, logins };
}

function template(title: string): PostingTemplate {
  const t = POSTING_TEMPLATES.find((x) => x.title === title);
  if (!t) throw new Error(`no posting template ${title}`);
  return t;
}

function withOverrides(t: PostingTemplate, o: { accommodation?: number }): PostingTemplate {
  return o.accommodation === undefined ? t : { ...t, accommodation: o.accommodation };
}

/**
 * The demo resident (13800000031): someone of working age at the 文斗镇 site who picks tea and
 * sews a little, looks after family and looks for work near the site; the household is registered
 * in 沙溪乡, so the origin officer (13800000002) sees it too.
 */
function featuredResident(b: PopulationBuilder, site: ReturnType<PopulationBuilder['site']>): ResidentRow {
  for (;;) {
    const { members } = b.household(site, [[ORIGIN_TOWNSHIP, 1]], 4);
    const r = members.find((m) => m.age >= 25 && m.age <= 50);
    if (!r) continue;
    // Re-shape the drawn member into the story; id, name, national ID and age stay as drawn.
    Object.assign(r, {
      employmentStatus: 'unemployed',
      laborCapacity: 'full',
      consentToShare: true,
      careDuties: true,
      jobAlerts: true,
      phone: DEMO_ACCOUNTS.resident,
      prefIndustries: ['tea', 'garments'],
      prefWageMin: 2000,
      prefSchedules: ['part_time', 'flexible', 'full_time'],
      // Home when school ends: she says how long, not how far (issue 16).
      prefMaxCommuteKm: null,
      prefMaxCommuteMinutes: 45,
      willingToWorkAway: false,
      education: 'junior_secondary',
      skills: [
        { code: 'tea.picking', level: 2, source: 'officer' },
        { code: 'tea.sorting', level: 1, source: 'self' },
        { code: 'sewing.machine', level: 1, source: 'self' },
      ],
      certificates: [],
    } satisfies Partial<ResidentRow>);
    return r;
  }
}
