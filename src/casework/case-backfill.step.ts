import { Injectable } from '@nestjs/common';
import { BootstrapStep, type BootstrapRunner } from '../bootstrap/bootstrap-step';
import { CaseOpeningService } from './case-opening.service';

/**
 * Households that were zero-employment before casework existed (or while no worker ran) get
 * their case at start; the due dates need the holiday calendar, so this is not SQL in the
 * migration. After the demo data (90), so the demo's households have cases too.
 */
@Injectable()
@BootstrapStep({ order: 95, name: 'casework backfill' })
export class CaseBackfillStep implements BootstrapRunner {
  constructor(private readonly opening: CaseOpeningService) {}

  async run(): Promise<void> {
    await this.opening.sweep('backfill');
  }
}
