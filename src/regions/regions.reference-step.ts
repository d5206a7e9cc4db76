import { Injectable } from '@nestjs/common';
import { BootstrapStep, type BootstrapRunner } from '../bootstrap/bootstrap-step';
import { RegionsService } from './regions.service';

@Injectable()
@BootstrapStep({ order: 10, name: 'administrative divisions' })
export class RegionsReferenceStep implements BootstrapRunner {
  constructor(private readonly regions: RegionsService) {}
  async run(): Promise<void> {
    await this.regions.loadReferenceRegions();
  }
}
