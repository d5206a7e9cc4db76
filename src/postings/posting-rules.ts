import type { AuthUser } from '../access/auth-user';
import { InvalidInputError } from '../kernel/domain-errors';
import type { EmployerSummary } from '../employers/employers.service';
import type { CreatePostingDto } from './dto/posting.dto';
import { Posting } from './posting.entity';

/*
 * The posting's rules that need no database: what a new draft holds, which fields an edit may
 * null, which changes make a new version, and who may offer a public-welfare post.
 */

/** Fields whose change alters who fits the posting: an edit of one of them while open is a new version. */
export const MATCHING_FIELDS = [
  'industry',
  'skills',
  'certificates',
  'headcount',
  'wageMin',
  'wageMax',
  'wageUnit',
  'schedule',
  'regionCode',
  'address',
  'latitude',
  'longitude',
  'locationApproximate',
  'accommodation',
  'meals',
  'shuttle',
  'publicWelfare',
  'ageMin',
  'ageMax',
  'startDate',
  'shiftStart',
  'shiftEnd',
  'expiresAt',
] as const satisfies readonly (keyof Posting)[];

/** Fields a PATCH may set to null; every other field must have a value. */
export const NULLABLE_FIELDS = new Set([
  'ageMin',
  'ageMax',
  'startDate',
  'shiftStart',
  'shiftEnd',
  'expiresAt',
]);

/** Fields that feed the search tokens. */
export const TEXT_FIELDS = ['title', 'description', 'skills'] as const;

/** A new posting of this employer: a draft at version 1, located at the employer unless given. */
export function newDraft(employer: EmployerSummary, dto: CreatePostingDto): Posting {
  return Object.assign(new Posting(), {
    employerId: employer.id,
    title: dto.title.trim(),
    description: dto.description.trim(),
    industry: dto.industry,
    skills: (dto.skills ?? []).map((s) => ({
      code: s.code,
      minLevel: s.minLevel,
      required: s.required ?? true,
    })),
    certificates: [...new Set(dto.certificates ?? [])],
    headcount: dto.headcount,
    hiredCount: 0,
    wageMin: dto.wageMin,
    wageMax: dto.wageMax,
    wageUnit: dto.wageUnit,
    schedule: dto.schedule,
    regionCode: dto.regionCode ?? employer.regionCode,
    address: dto.address?.trim() ?? employer.address,
    // Not located: the employer's location stands in, marked approximate (never an exact 0 km).
    latitude: dto.latitude ?? employer.latitude,
    longitude: dto.longitude ?? employer.longitude,
    locationApproximate: dto.latitude === undefined,
    accommodation: dto.accommodation ?? false,
    meals: dto.meals ?? false,
    shuttle: dto.shuttle ?? false,
    publicWelfare: dto.publicWelfare ?? false,
    ageMin: dto.ageMin ?? null,
    ageMax: dto.ageMax ?? null,
    startDate: dto.startDate ?? null,
    shiftStart: dto.shiftStart ?? null,
    shiftEnd: dto.shiftEnd ?? null,
    expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
    status: 'draft',
    version: 1,
    publishedAt: null,
    closedAt: null,
  });
}

/** The fields compared to decide what an edit changed. */
export function snapshot(
  p: Posting,
): Record<(typeof MATCHING_FIELDS)[number] | 'title' | 'description', unknown> {
  const out = { title: p.title, description: p.description } as Record<string, unknown>;
  for (const k of MATCHING_FIELDS) out[k] = k === 'expiresAt' ? (p.expiresAt?.getTime() ?? null) : p[k];
  out.wageMin = Number(p.wageMin);
  out.wageMax = Number(p.wageMax);
  return out;
}

/** A workplace is a point: latitude without longitude (or the reverse) is a 400, not half a move. */
export function assertBothCoordinates(dto: { latitude?: number | null; longitude?: number | null }): void {
  if ((dto.latitude === undefined) !== (dto.longitude === undefined))
    throw new InvalidInputError(
      dto.latitude === undefined ? 'latitude' : 'longitude',
      'latitude and longitude go together',
    );
}

/**
 * A hire on a public-welfare post uses the household's one public-welfare entitlement (POLICY.md),
 * so only a sponsor of such posts (employer kind public_welfare) offers one; staff (admins editing
 * a posting) may approve another employer's posting as one. A flag already set stays settable.
 * The kind must have been verified for a live posting: an employer that just switched its kind to
 * public_welfare is back in review, and its open postings must not turn public-welfare meanwhile
 * (a draft waits for publishing, which needs the verification anyway).
 */
export function assertMayOfferPublicWelfare(
  actor: AuthUser,
  employer: { kind: string; verified: boolean } | null,
  posting: { publicWelfare: boolean; status: string },
  was: boolean,
): void {
  if (!posting.publicWelfare || was) return;
  if (actor.role === 'admin' || actor.role === 'officer') return;
  const sponsor = employer?.kind === 'public_welfare';
  if (sponsor && (employer.verified || posting.status === 'draft')) return;
  throw new InvalidInputError(
    'publicWelfare',
    'only an employer of kind public_welfare may offer public-welfare posts (an officer approves others)',
  );
}
