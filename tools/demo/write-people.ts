import { maskNationalId } from '../../src/platform/crypto/masking';
import type { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { laborCapableSql } from '../../src/residents/household-figures';
import { bulkInsert, type Load } from './bulk-insert';
import type { Population } from './population-rows';

/*
 * The people of a load: sites, accounts, households, residents with their skills and
 * certificates (national IDs and phones encrypted with PiiCipher, looked up through its HMAC,
 * masked copy), then the household figures computed by SQL with the one definition.
 */

/** Never a valid argon2 hash: the account cannot sign in. */
export const NO_LOGIN_HASH = '!synthetic-account-without-password';

export async function writePeople(
  load: Load,
  pop: Population,
  o: { pii: PiiCipher; demoPasswordHash: string },
): Promise<{ residentSkills: number; residentCertificates: number }> {
  const { m, batch, progress } = load;

  await bulkInsert(
    m,
    'site',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['region_code', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['capacity', 'int'],
      ['opened_on', 'date'],
    ],
    pop.sites.map((s) => [s.id, s.name, s.regionCode, s.latitude, s.longitude, s.capacity, s.openedOn]),
    batch,
  );
  progress('site', pop.sites.length);

  await bulkInsert(
    m,
    'app_user',
    [
      ['id', 'uuid'],
      ['phone_hmac', 'text'],
      ['phone_encrypted', 'text'],
      ['password_hash', 'text'],
      ['name', 'text'],
      ['role', 'text'],
      ['scope_site_ids', 'uuid[]'],
      ['scope_region_codes', 'text[]'],
      ['resident_id', 'uuid'],
      ['employer_id', 'uuid'],
    ],
    pop.users.map((u) => [
      u.id,
      o.pii.hmac('phone', u.phone),
      o.pii.encrypt(u.phone),
      u.password === 'demo' ? o.demoPasswordHash : NO_LOGIN_HASH,
      u.name,
      u.role,
      u.scopeSiteIds,
      u.scopeRegionCodes,
      u.residentId,
      u.employerId,
    ]),
    batch,
  );
  progress('app_user', pop.users.length);

  await bulkInsert(
    m,
    'household',
    [
      ['id', 'uuid'],
      ['site_id', 'uuid'],
      ['origin_region_code', 'text'],
      ['monitoring_status', 'text'],
    ],
    pop.households.map((h) => [h.id, h.siteId, h.originRegionCode, h.monitoringStatus]),
    batch,
  );
  progress('household', pop.households.length);

  for (let start = 0; start < pop.residents.length; start += batch) {
    const chunk = pop.residents.slice(start, start + batch);
    await bulkInsert(
      m,
      'resident',
      [
        ['id', 'uuid'],
        ['household_id', 'uuid'],
        ['site_id', 'uuid'],
        ['name', 'text'],
        ['gender', 'text'],
        ['birth_date', 'date'],
        ['national_id_encrypted', 'text'],
        ['national_id_hmac', 'text'],
        ['national_id_masked', 'text'],
        ['phone_encrypted', 'text'],
        ['phone_hmac', 'text'],
        ['education', 'text'],
        ['labor_capacity', 'text'],
        ['employment_status', 'text'],
        ['consent_to_share', 'bool'],
        ['pref_industries', 'text[]'],
        ['pref_wage_min', 'numeric'],
        ['pref_schedules', 'text[]'],
        ['pref_max_commute_km', 'numeric'],
        ['pref_max_commute_minutes', 'smallint'],
        ['willing_to_work_away', 'bool'],
        ['job_alerts', 'bool'],
        ['care_duties', 'bool'],
        ['languages', 'text[]'],
        ['status', 'text'],
      ],
      chunk.map((r) => [
        r.id,
        r.householdId,
        r.siteId,
        r.name,
        r.gender,
        r.birthDate,
        o.pii.encrypt(r.nationalId),
        o.pii.hmac('national_id', r.nationalId),
        maskNationalId(r.nationalId),
        r.phone ? o.pii.encrypt(r.phone) : null,
        r.phone ? o.pii.hmac('phone', r.phone) : null,
        r.education,
        r.laborCapacity,
        r.employmentStatus,
        r.consentToShare,
        r.prefIndustries,
        r.prefWageMin,
        r.prefSchedules,
        r.prefMaxCommuteKm,
        r.prefMaxCommuteMinutes,
        r.willingToWorkAway,
        r.jobAlerts,
        r.careDuties,
        r.languages,
        'active',
      ]),
      batch,
    );
    progress('resident', start + chunk.length);
  }

  const skillRows = pop.residents.flatMap((r) => r.skills.map((s) => [r.id, s.code, s.level, s.source]));
  await bulkInsert(
    m,
    'resident_skill',
    [
      ['resident_id', 'uuid'],
      ['skill_code', 'text'],
      ['level', 'smallint'],
      ['source', 'text'],
    ],
    skillRows,
    batch * 2,
  );
  progress('resident_skill', skillRows.length);
  const certRows = pop.residents.flatMap((r) => r.certificates.map((c) => [r.id, c.type, c.expiresAt]));
  await bulkInsert(
    m,
    'resident_certificate',
    [
      ['resident_id', 'uuid'],
      ['type', 'text'],
      ['expires_at', 'date'],
    ],
    certRows,
    batch * 2,
  );
  progress('resident_certificate', certRows.length);

  // Household figures with the services' definition (household-figures.ts), in one statement.
  await m.query(
    `UPDATE household h
        SET labor_capable_members = c.capable, employed_members = c.employed,
            zero_employment = c.capable > 0 AND c.employed = 0,
            at_risk_since = CASE WHEN c.capable > 0 AND c.employed = 0 THEN now() END
       FROM (SELECT r.household_id,
                    count(*) FILTER (WHERE ${laborCapableSql('r')}) AS capable,
                    count(*) FILTER (WHERE ${laborCapableSql('r')} AND r.employment_status = 'employed') AS employed
               FROM resident r WHERE r.household_id = ANY($1::uuid[]) GROUP BY r.household_id) c
      WHERE h.id = c.household_id`,
    [pop.households.map((h) => h.id)],
  );

  return { residentSkills: skillRows.length, residentCertificates: certRows.length };
}
