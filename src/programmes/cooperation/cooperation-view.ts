import type { CooperationBatch } from './entities/cooperation-batch.entity';
import type { CooperationMember } from './entities/cooperation-member.entity';
import type { RetentionCheck } from './entities/retention-check.entity';
import type { BatchDto, MemberDto, RetentionDto, RetentionStatus, WorkStatus } from './dto/cooperation.dto';

/*
 * Pure: the answers' shapes from rows. A liaison officer's view is built here too, from the same
 * rows, by leaving fields out (names and work status only).
 */

export function retentionStatus(c: RetentionCheck, today: string): RetentionStatus {
  if (c.status === 'cancelled') return 'cancelled';
  if (c.status === 'done') return c.stillAtWork ? 'at_work' : 'not_at_work';
  if (c.dueOn > today) return 'upcoming';
  return c.dueOn === today ? 'due' : 'overdue';
}

export function retentionDto(c: RetentionCheck, today: string): RetentionDto {
  return { month: c.dueMonth, dueOn: c.dueOn, status: retentionStatus(c, today), checkedOn: c.checkedOn };
}

/** Departed until arrival; at work after it unless the latest check found them gone; returned home. */
export function workStatus(m: CooperationMember, checks: RetentionCheck[]): WorkStatus {
  if (m.returnedOn) return 'returned';
  if (!m.arrivedOn) return 'departed';
  const done = checks.filter((c) => c.status === 'done').sort((a, b) => b.dueMonth - a.dueMonth);
  return done.length && done[0].stillAtWork === false ? 'left_job' : 'at_work';
}

export function memberDto(
  m: CooperationMember,
  name: string,
  checks: RetentionCheck[],
  today: string,
  liaison: boolean,
): MemberDto {
  const status = workStatus(m, checks);
  if (liaison) return { name, workStatus: status };
  return {
    residentId: m.residentId,
    name,
    workStatus: status,
    arrivedOn: m.arrivedOn,
    employerName: m.employerName,
    returnedOn: m.returnedOn,
    returnReason: m.returnReason,
    retention: checks.map((c) => retentionDto(c, today)),
  };
}

export function batchDto(b: CooperationBatch, members: CooperationMember[], liaison: boolean): BatchDto {
  const base = {
    id: b.id,
    partnerCity: b.partnerCity,
    departureOn: b.departureOn,
    transport: b.transport,
    memberCount: members.length,
    arrivedCount: members.filter((m) => m.arrivedOn).length,
  };
  if (liaison) return base;
  return { ...base, siteId: b.siteId, fairId: b.fairId, hasLiaison: b.liaisonUserId !== null };
}
