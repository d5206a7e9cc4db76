import type { EmploymentStatus, LaborCapacity, Schedule } from '../../src/kernel/domain-enums';
import type { Education } from '../../src/residents/enums';
import type { Rng } from './prng';

/*
 * One resident's situation by age, as on a rural resettlement roster: labour capacity, work
 * status (care duties at home lower employment), schooling, and the schedules asked for. Each
 * draws from the builder's Rng; PeopleBuilder calls them in a fixed order.
 */

/** Able to work fully, partly or not at all: most of working age, few over 65. */
export function laborCapacityAt(rng: Rng, age: number): LaborCapacity {
  if (age < 16) return 'none';
  if (age < 55)
    return rng.weighted<LaborCapacity>([
      ['full', 82],
      ['partial', 12],
      ['none', 6],
    ]);
  if (age < 65)
    return rng.weighted<LaborCapacity>([
      ['full', 58],
      ['partial', 30],
      ['none', 12],
    ]);
  return rng.weighted<LaborCapacity>([
    ['partial', 25],
    ['none', 75],
  ]);
}

export function employmentStatusAt(
  rng: Rng,
  age: number,
  laborCapacity: LaborCapacity,
  careDuties: boolean,
): EmploymentStatus {
  if (age < 6) return 'not_seeking';
  if (age < 16 || (age < 19 && rng.chance(0.7))) return 'student';
  if (laborCapacity === 'none') return age >= 60 ? 'retired' : 'not_seeking';
  if (age >= 65) return rng.chance(0.15) ? 'employed' : 'retired';
  return rng.weighted<EmploymentStatus>(
    careDuties
      ? [
          ['employed', 52],
          ['unemployed', 33],
          ['not_seeking', 15],
        ]
      : [
          ['employed', 68],
          ['unemployed', 26],
          ['not_seeking', 6],
        ],
  );
}

/** Schooling by generation: the old mostly primary, the young often vocational or college. */
export function educationAt(rng: Rng, age: number): Education | null {
  if (age < 6) return null;
  if (age < 12) return 'primary';
  if (age < 16) return 'junior_secondary';
  if (age >= 55)
    return rng.weighted<Education>([
      ['none', 20],
      ['primary', 50],
      ['junior_secondary', 25],
      ['senior_secondary', 5],
    ]);
  if (age >= 30)
    return rng.weighted<Education>([
      ['none', 5],
      ['primary', 30],
      ['junior_secondary', 45],
      ['senior_secondary', 10],
      ['vocational', 7],
      ['college', 3],
    ]);
  return rng.weighted<Education>([
    ['primary', 5],
    ['junior_secondary', 40],
    ['senior_secondary', 20],
    ['vocational', 22],
    ['college', 13],
  ]);
}

/** A parent at home asks for part-time or flexible work; the others mostly full time. */
export function scheduleWishes(rng: Rng, careDuties: boolean): Schedule[] {
  if (careDuties) return rng.chance(0.6) ? ['part_time', 'flexible'] : ['flexible'];
  const out: Schedule[] = ['full_time'];
  if (rng.chance(0.4)) out.push('shifts');
  if (rng.chance(0.3)) out.push('flexible');
  if (rng.chance(0.2)) out.push('seasonal');
  return out;
}
