import { Module } from '@nestjs/common';
import { ResidentsModule } from '../residents/residents.module';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

/** Officers' contacts with residents (the resident page logs them; casework reads them). */
@Module({
  imports: [ResidentsModule],
  providers: [ContactsRepository, ContactsService],
  exports: [ContactsService],
})
export class ContactsModule {}
