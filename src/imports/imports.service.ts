import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { OfficersDirectory } from '../access/officers-directory';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../kernel/domain-errors';
import type { OutboxEvent } from '../platform/database/outbox-event.entity';
import { OutboxService } from '../platform/database/outbox.service';
import { JobName } from '../platform/queue/job-name';
import { OutboxRoute, type RoutedJob } from '../platform/queue/outbox-routes';
import { IMPORT_RETRY } from '../platform/queue/retry-policy';
import { RegionsService } from '../regions/regions.service';
import type { ImportDto } from './dto/import.dto';
import type { Import } from './import.entity';
import { ImportsRepository } from './imports.repository';

export interface RosterUpload {
  siteId: string | undefined;
  fileName: string | undefined;
  mime: string | undefined;
  content: Buffer | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** BullMQ forbids ':' in custom ids; one id per import, so a replayed event adds nothing. */
export function importJobId(importId: string): string {
  return `import.${importId}`;
}

/** .xlsx by name and zip signature; .csv by name, and text (no NUL byte, not a zip). */
export function detectFormat(fileName: string, content: Buffer): 'xlsx' | 'csv' | null {
  const name = fileName.toLowerCase();
  const zip = content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;
  if (name.endsWith('.xlsx')) return zip ? 'xlsx' : null;
  if (name.endsWith('.csv')) return !zip && !content.subarray(0, 4096).includes(0) ? 'csv' : null;
  return null;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly officers: OfficersDirectory,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly regions: RegionsService,
  ) {}

  /**
   * The job is enqueued through the outbox: the event is written in the transaction that stores
   * the upload, so an accepted import always runs, even when Redis is away at upload time (the
   * relay publishes it once Redis is back), and never runs for an upload that rolled back.
   */
  @OutboxRoute('import.requested')
  importRequestedRoute(e: OutboxEvent): RoutedJob[] {
    return [
      {
        name: JobName.ImportRoster,
        data: { importId: e.entityId },
        opts: { ...IMPORT_RETRY, jobId: importJobId(e.entityId) },
      },
    ];
  }

  async start(actor: AuthUser, upload: RosterUpload): Promise<{ id: string }> {
    if (!upload.siteId) throw new InvalidInputError('siteId', 'is required');
    if (!UUID.test(upload.siteId)) throw new InvalidInputError('siteId', 'must be a UUID');
    if (!upload.content || !upload.fileName)
      throw new InvalidInputError('file', 'is required (.xlsx or .csv)');
    const format = detectFormat(upload.fileName, upload.content);
    if (!format) throw new InvalidInputError('file', 'must be an .xlsx workbook or a .csv file');
    const site = await this.regions.findSite(upload.siteId);
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    return this.repo.transaction(async (m) => {
      const imp = await this.repo.insert(m, {
        siteId: upload.siteId!,
        createdBy: actor.id,
        fileName: upload.fileName!.slice(0, 255),
        mime: (upload.mime ?? 'application/octet-stream').slice(0, 100),
        format,
        content: upload.content!,
      });
      await this.outbox.add(m, { kind: 'import.requested', entityId: imp.id, version: 1 });
      await this.audit.record(
        actor,
        {
          action: 'import.create',
          entityType: 'import',
          entityId: imp.id,
          details: { siteId: upload.siteId, format, bytes: upload.content!.length },
        },
        m,
      );
      return { id: imp.id };
    });
  }

  /** Only the officer who started it, and admins. */
  async get(actor: AuthUser, id: string): Promise<ImportDto> {
    const imp = await this.repo.findById(id);
    this.policy.require(!!imp && (actor.role === 'admin' || imp.createdBy === actor.id), 'Import');
    const i = imp!;
    return {
      id: i.id,
      siteId: i.siteId,
      fileName: i.fileName,
      status: i.status,
      total: i.total,
      processed: i.processed,
      failed: i.failed,
      created: i.created,
      updated: i.updated,
      unchanged: i.unchanged,
      progress: i.status === 'done' ? 100 : i.total ? Math.floor((i.processed / i.total) * 100) : 0,
      errors: i.errors,
      message: i.message,
      createdAt: i.createdAt,
      finishedAt: i.finishedAt,
    };
  }

  /** For the job: the uploaded bytes (not selected by default). */
  contentOf(id: string): Promise<Buffer> {
    return this.repo.contentOf(id);
  }

  /**
   * For the job: the user who started the import, as an actor for the audit log, if they still
   * manage the site (scope may have changed since the upload).
   */
  async importingActor(imp: Import): Promise<AuthUser | null> {
    const u = await this.officers.activeAccount(imp.createdBy);
    if (!u) return null;
    const siteRegions = await this.regions.findSites(u.siteIds);
    const actor: AuthUser = {
      id: u.id,
      role: u.role,
      name: u.name,
      scope: {
        siteIds: u.siteIds,
        regionCodes: u.regionCodes,
        siteRegionCodes: siteRegions.map((s) => s.regionCode),
      },
      residentId: null,
      employerId: null,
      sessionId: null,
      ip: 'worker',
      requestId: importJobId(imp.id),
    };
    const site = await this.regions.findSite(imp.siteId);
    return site && this.policy.managesSite(actor, site) ? actor : null;
  }
}
