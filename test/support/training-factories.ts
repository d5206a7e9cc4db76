import type request from 'supertest';
import type { Session } from './factories';

type Http = ReturnType<typeof request>;

/** A date `days` from today (China time), YYYY-MM-DD. */
export function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

export interface CourseBody {
  title: string;
  description?: string;
  skills: { code: string; level: number }[];
  certificate?: string;
  startDate: string;
  endDate: string;
  regionCode: string;
  address: string;
  latitude?: number;
  longitude?: number;
  capacity: number;
  subsidized: boolean;
  subsidyNote?: string;
}

let courseCounter = 0;
/** A valid course body in 文斗镇 starting in 10 days, teaching tea processing at level 2. */
export function courseBody(over: Partial<CourseBody> = {}): CourseBody {
  courseCounter += 1;
  return {
    title: `茶叶加工培训班 ${process.pid}-${courseCounter}`,
    description: '手工炒茶与机械制茶',
    skills: [{ code: 'tea.processing', level: 2 }],
    startDate: daysFromNow(10),
    endDate: daysFromNow(20),
    regionCode: '422802107',
    address: '文斗镇安置点社区服务中心',
    latitude: 30.07,
    longitude: 108.76,
    capacity: 30,
    subsidized: true,
    ...over,
  };
}

/** A course created by `owner` (a provider or an officer); returns the created course. */
export async function createCourse(
  http: Http,
  owner: Session,
  over: Partial<CourseBody> = {},
): Promise<{ id: string; capacity: number; [k: string]: unknown }> {
  const res = await http.post('/api/v1/courses').set(owner.auth).send(courseBody(over));
  if (res.status !== 201) throw new Error(`create course failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
