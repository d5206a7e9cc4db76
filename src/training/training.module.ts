import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { SkillsModule } from '../skills/skills.module';
import { AttendanceReads } from './attendance-reads';
import { CoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';
import { TrainingService } from './training.service';

/** Courses, sessions and enrolments; completion grants skills (DESIGN.md "Domain": Course). */
@Module({
  imports: [RegionsModule, SkillsModule, ResidentsModule],
  controllers: [CoursesController, EnrollmentsController],
  providers: [
    CoursesRepository,
    EnrollmentsRepository,
    CoursesService,
    EnrollmentsService,
    TrainingService,
    AttendanceReads,
  ],
  // The provider pages (web/provider) call the same courses and enrolments services as the API.
  exports: [TrainingService, CoursesService, EnrollmentsService, AttendanceReads],
})
export class TrainingModule {}
