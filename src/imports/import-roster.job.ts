import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { isDependencyDown } from '../platform/http/http-exception.filter';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';
import { RegionsService } from '../regions/regions.service';
import { ResidentRoster } from '../residents/resident-roster';
import { SkillsService } from '../skills/skills.service';
import type { Import, ImportRowError } from './import.entity';
import { parseRosterBounded } from './bounded-roster-parse';
import { IMPORT_MAX_ERRORS, IMPORT_PROGRESS_EVERY } from './import-settings';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { ROSTER_COLUMNS } from './roster-columns';
import { RosterFileError } from './roster-reader';
import { validateRosterRow, type RosterRow } from './roster-row';
import { RosterWriter, RowRejected, type RosterWriteContext } from './roster-writer';
import { skillResolver } from './skill-resolver';

export type ImportRosterJobData = JobData<JobName.ImportRoster>;

export const STALLED_MESSAGE = '导入进程在处理此文件时意外中断，为安全起见不再重试；请检查文件后重新上传';

type Item = { row: number; good: RosterRow } | { row: number; good: null; errors: ImportRowError[] };

/**
 * Runs a roster import (issue 5 item 6, issue 7 item 3). Two steps:
 * 1. read and check the whole file (parseRosterBounded: zip directory checked, then streamed in a
 *    child process with a heap cap; more than IMPORT_MAX_ROWS rows fails the import before anything
 *    is written), so `total` is known and households can be matched by any member;
 * 2. write each good row in its own transaction (RosterWriter): a row is saved whole or not at all.
 * A retried job starts over: rows already saved compare equal and write nothing.
 * A file that cannot be read fails the import with a message; the job itself succeeds, so the
 * worker carries on and BullMQ does not retry what cannot get better.
 */
@Injectable()
@JobHandler(JobName.ImportRoster)
export class ImportRosterJob implements JobProcessor<JobName.ImportRoster> {
  private readonly logger = new Logger('ImportRosterJob');

  constructor(
    private readonly repo: ImportsRepository,
    private readonly imports: ImportsService,
    private readonly writer: RosterWriter,
    private readonly skills: SkillsService,
    private readonly regions: RegionsService,
    private readonly roster: ResidentRoster,
  ) {}

  async process(data: ImportRosterJobData, job: Job<ImportRosterJobData>): Promise<unknown> {
    const imp = await this.repo.findById(data.importId);
    if (!imp || imp.status === 'done' || imp.status === 'failed') return { skipped: true };
    // A run that ended without an outcome (its process died, so the job stalled) is not
    // repeated: if the file killed it, every run would (issue 12 item 5: three crashes from one
    // upload). The officer uploads again after checking the file.
    if (job.stalledCounter > 0) {
      await this.fail(imp.id, STALLED_MESSAGE);
      return { failed: 'stalled' };
    }
    try {
      return await this.run(imp, job);
    } catch (e) {
      if (e instanceof RosterFileError) {
        await this.fail(imp.id, e.message);
        return { failed: e.message };
      }
      // PostgreSQL or Redis away: let BullMQ retry (IMPORT_RETRY); saved rows will compare equal.
      if (isDependencyDown(e)) throw e;
      this.logger.error(`import ${imp.id} failed: ${(e as Error).message}`);
      await this.fail(imp.id, '导入时发生内部错误，请联系管理员');
      return { failed: 'internal' };
    }
  }

  private async run(imp: Import, job: Job<ImportRosterJobData>): Promise<unknown> {
    await this.repo.update(imp.id, {
      status: 'running',
      total: 0,
      processed: 0,
      failed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [],
      message: null,
    });
    const actor = await this.imports.importingActor(imp);
    if (!actor) throw new RosterFileError('导入人已无权管理该安置点');
    const content = await this.imports.contentOf(imp.id);

    // 1. Read and check everything.
    const resolver = skillResolver((await this.skills.all()).values());
    const regionKnown = new Map<string, boolean>();
    const seenIds = new Map<string, number>();
    const items: Item[] = [];
    // In a bounded child process: a zip bomb fails this import, it cannot end the process.
    for (const raw of await parseRosterBounded(imp.format, content)) {
      const v = validateRosterRow(raw, resolver);
      if (!v.row) {
        items.push({ row: raw.row, good: null, errors: v.errors });
        continue;
      }
      const code = v.row.originRegionCode;
      if (!regionKnown.has(code)) regionKnown.set(code, !!(await this.regions.findRegion(code)));
      const firstRow = seenIds.get(v.row.nationalId);
      const errors: ImportRowError[] = [];
      if (!regionKnown.get(code)) {
        errors.push({
          row: raw.row,
          field: ROSTER_COLUMNS.originRegionCode,
          message: `未知的行政区划代码 ${code}`,
        });
      }
      if (firstRow !== undefined) {
        errors.push({
          row: raw.row,
          field: ROSTER_COLUMNS.nationalId,
          message: `与第 ${firstRow} 行的身份证号重复`,
        });
      } else {
        seenIds.set(v.row.nationalId, raw.row);
      }
      items.push(errors.length ? { row: raw.row, good: null, errors } : { row: raw.row, good: v.row });
    }
    const total = items.length;
    await this.repo.update(imp.id, { total });

    // 2. Write, one transaction per row.
    const ctx: RosterWriteContext = {
      importId: imp.id,
      siteId: imp.siteId,
      actor,
      households: await this.existingHouseholds(imp.siteId, items),
      householdsApplied: new Set(),
    };
    const counts = { processed: 0, failed: 0, created: 0, updated: 0, unchanged: 0 };
    const errors: ImportRowError[] = [];
    const addErrors = (list: ImportRowError[]) => {
      counts.failed++;
      for (const e of list) if (errors.length < IMPORT_MAX_ERRORS) errors.push(e);
    };
    for (const item of items) {
      if (!item.good) {
        addErrors(item.errors);
      } else {
        const row = item.good;
        try {
          const { outcome, householdId } = await this.repo.transaction((m) => this.writer.write(m, ctx, row));
          ctx.households.set(row.householdKey, householdId);
          ctx.householdsApplied.add(row.householdKey);
          counts[outcome]++;
        } catch (e) {
          if (e instanceof RowRejected) addErrors([{ row: row.row, field: e.field, message: e.message }]);
          else if (isDependencyDown(e)) throw e;
          else {
            this.logger.warn(`import ${imp.id} row ${row.row}: ${(e as Error).message}`);
            addErrors([
              { row: row.row, field: ROSTER_COLUMNS.nationalId, message: '保存失败（数据与现有记录冲突）' },
            ]);
          }
        }
      }
      counts.processed++;
      if (counts.processed % IMPORT_PROGRESS_EVERY === 0 && counts.processed < total) {
        await this.repo.update(imp.id, { ...counts, errors });
        await job.updateProgress(Math.floor((counts.processed / total) * 100));
      }
    }
    await this.repo.update(imp.id, { ...counts, errors, status: 'done', finishedAt: new Date() });
    await job.updateProgress(100);
    return { total, ...counts };
  }

  /** 户编号 → the household of a member already on the roster at this site (first such row wins). */
  private async existingHouseholds(siteId: string, items: Item[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const it of items) if (it.good) ids.add(it.good.nationalId);
    const found = await this.roster.householdsByNationalId(siteId, [...ids]);
    const out = new Map<string, string>();
    for (const it of items) {
      if (!it.good || out.has(it.good.householdKey)) continue;
      const h = found.get(it.good.nationalId);
      if (h) out.set(it.good.householdKey, h);
    }
    return out;
  }

  private async fail(importId: string, message: string): Promise<void> {
    await this.repo.update(importId, {
      status: 'failed',
      message: message.slice(0, 500),
      errors: [{ row: 0, field: '文件', message: message.slice(0, 500) }],
      finishedAt: new Date(),
    });
  }
}
