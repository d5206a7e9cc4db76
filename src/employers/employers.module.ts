import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RegionsModule } from '../regions/regions.module';
import { EmployersController } from './employers.controller';
import { EmployersRepository } from './employers.repository';
import { EmployersService } from './employers.service';

@Module({
  imports: [RegionsModule, DiscoveryModule],
  controllers: [EmployersController],
  providers: [EmployersRepository, EmployersService],
  exports: [EmployersService],
})
export class EmployersModule {}
