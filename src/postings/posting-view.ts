import type { WageFactors } from '../matching/engine';
import type { PostingDto, PostingSkillViewDto } from './dto/posting.dto';
import type { Posting, PostingSkill } from './posting.entity';
import { monthlyWageRange } from './posting-wage';

export function skillViews(
  skills: PostingSkill[],
  names?: Map<string, { nameZh: string }>,
): PostingSkillViewDto[] {
  return skills.map((s) => ({
    code: s.code,
    nameZh: names?.get(s.code)?.nameZh ?? s.code,
    minLevel: s.minLevel,
    required: s.required,
  }));
}

/** A posting on the wire (GET /postings/:id, the employer's lists, the answers of create and update). */
export function postingDto(
  p: Posting,
  employerName: string,
  skills: Map<string, { nameZh: string }>,
  wageFactors: WageFactors,
): PostingDto {
  return {
    id: p.id,
    employerId: p.employerId,
    employerName,
    title: p.title,
    description: p.description,
    industry: p.industry,
    skills: skillViews(p.skills, skills),
    certificates: p.certificates,
    headcount: p.headcount,
    hiredCount: p.hiredCount,
    wageMin: Number(p.wageMin),
    wageMax: Number(p.wageMax),
    wageUnit: p.wageUnit,
    ...monthlyWageRange(Number(p.wageMin), Number(p.wageMax), p.wageUnit, wageFactors),
    schedule: p.schedule,
    regionCode: p.regionCode,
    address: p.address,
    latitude: p.latitude,
    longitude: p.longitude,
    locationApproximate: p.locationApproximate,
    accommodation: p.accommodation,
    meals: p.meals,
    shuttle: p.shuttle,
    publicWelfare: p.publicWelfare,
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    startDate: p.startDate,
    shiftStart: p.shiftStart,
    shiftEnd: p.shiftEnd,
    expiresAt: p.expiresAt,
    status: p.status,
    version: p.version,
    publishedAt: p.publishedAt,
    closedAt: p.closedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
