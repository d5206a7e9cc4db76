import { Injectable } from '@nestjs/common';
import { UsersService } from '../access/users.service';
import { BootstrapStep, type BootstrapRunner } from './bootstrap-step';

@Injectable()
@BootstrapStep({ order: 50, name: 'bootstrap admin' })
export class AdminBootstrapStep implements BootstrapRunner {
  constructor(private readonly users: UsersService) {}
  run(): Promise<void> {
    return this.users.ensureBootstrapAdmin();
  }
}
