import { maskPhone } from '../platform/crypto/masking';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import type { ResidentDto, ResidentSummaryDto } from './dto/resident.dto';
import type { ResidentProfile } from './residents.repository';
import type { Resident } from './resident.entity';

/** A resident as lists show them: no phone, the national ID masked. */
export function toResidentSummary(r: Resident): ResidentSummaryDto {
  return {
    id: r.id,
    householdId: r.householdId,
    siteId: r.siteId,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    nationalIdMasked: r.nationalIdMasked,
    laborCapacity: r.laborCapacity,
    employmentStatus: r.employmentStatus,
    consentToShare: r.consentToShare,
    status: r.status,
  };
}

/** A resident's profile as the API answers it (phone masked; the national ID masked). */
export function toResidentDto(
  pii: PiiCipher,
  { resident: r, skills, certificates }: ResidentProfile,
): ResidentDto {
  return {
    ...toResidentSummary(r),
    phoneMasked: r.phoneEncrypted ? maskPhone(pii.decrypt(r.phoneEncrypted)) : null,
    education: r.education,
    preferences: {
      industries: r.prefIndustries,
      wageMin: r.prefWageMin,
      schedules: r.prefSchedules,
      maxCommuteKm: r.prefMaxCommuteKm,
      maxCommuteMinutes: r.prefMaxCommuteMinutes,
      willingToWorkAway: r.willingToWorkAway,
    },
    jobAlerts: r.jobAlerts,
    careDuties: r.careDuties,
    languages: r.languages,
    skills: skills.map((s) => ({
      code: s.skillCode,
      level: s.level,
      source: s.source,
      sourceRef: s.sourceRef,
    })),
    certificates: certificates.map((c) => ({ type: c.type, expiresAt: c.expiresAt })),
    version: r.version,
    erasedAt: r.erasedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
