import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { CooperationReadsService } from '../../programmes/cooperation/cooperation-reads.service';
import { render } from '../render';
import { LiaisonHomePage } from './liaison-page';

/** The partner-city liaison officer's one page: the batches naming them (names and work status). */
@ApiExcludeController()
@Controller('liaison')
export class LiaisonPagesController {
  constructor(private readonly reads: CooperationReadsService) {}

  @Get()
  @Allow('liaison')
  async home(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const list = await this.reads.list(user);
    const batches = await Promise.all(list.map((b) => this.reads.get(user, b.id)));
    return render(reply, <LiaisonHomePage batches={batches} />);
  }
}
