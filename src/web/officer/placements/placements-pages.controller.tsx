import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { DomainError, InvalidInputError } from '../../../kernel/domain-errors';
import { CreateFollowUpDto, FollowUpTaskQuery } from '../../../placements/dto/follow-up.dto';
import { EndPlacementDto, PlacementQuery } from '../../../placements/dto/placement.dto';
import type { PlacementDto } from '../../../placements/dto/placement.dto';
import { FollowUpsService } from '../../../placements/follow-ups.service';
import { PlacementsService } from '../../../placements/placements.service';
import type { FormErrors } from '../../components/form';
import { type FormBody, formValues, validateForm } from '../../form-data';
import { redirect, render } from '../../render';
import { MONTH, optionalId, pageNumber, requireId } from '../officer-query';
import { OfficerSites } from '../officer-sites';
import { FollowUpsPage } from './follow-ups-page';
import { PlacementsPage } from './placements-page';

/** Who is at work, ending a placement, and the follow-ups due (the API's placement services). */
@ApiExcludeController()
@Controller('officer')
export class PlacementsPagesController {
  constructor(
    private readonly sites: OfficerSites,
    private readonly placements: PlacementsService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Get('placements')
  @Allow('officer')
  async placementList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('month') monthQ?: string,
    @Query('active') activeQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const month = monthQ && MONTH.test(monthQ) ? monthQ : undefined;
    const active = activeQ === 'true' ? true : undefined;
    const sites = await this.sites.list(user);
    let items: PlacementDto[];
    let total: number;
    const pageNo = pageNumber(pageQ);
    const pageSize = 50;
    if (month) {
      // The list behind a bar of "placements per month": placements that started in the month.
      // The service lists by start date, newest first; read pages until the month is passed.
      const found: PlacementDto[] = [];
      for (let p = 1; p <= 20; p++) {
        const chunk = await this.placements.list(
          user,
          Object.assign(new PlacementQuery(), { siteId, active, page: p, pageSize: 100 }),
        );
        found.push(...chunk.items.filter((x) => x.startDate.startsWith(month)));
        const last = chunk.items[chunk.items.length - 1];
        if (!last || last.startDate < `${month}-01` || chunk.items.length < 100) break;
      }
      total = found.length;
      items = found.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    } else {
      const list = await this.placements.list(
        user,
        Object.assign(new PlacementQuery(), { siteId, active, page: pageNo, pageSize }),
      );
      items = list.items;
      total = list.total;
    }
    return render(
      reply,
      <PlacementsPage
        sites={sites}
        siteId={siteId}
        month={month}
        active={active}
        items={items}
        total={total}
        page={pageNo}
        pageSize={pageSize}
      />,
    );
  }

  @Post('placements/:id/end')
  @Allow('officer')
  async endPlacement(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const { value, errors } = await validateForm(
      EndPlacementDto,
      formValues(body, ['endDate', 'reason']),
      {},
    );
    if (Object.keys(errors).length) throw new InvalidInputError(Object.keys(errors)[0], 'check this field');
    await this.placements.end(user, id, value);
    return redirect(reply, '/officer/placements?active=true&done=ended');
  }

  @Get('follow-ups')
  @Allow('officer')
  async followUpList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const list = await this.followUps.list(
      user,
      Object.assign(new FollowUpTaskQuery(), { siteId, page: pageNumber(pageQ), pageSize: 20 }),
    );
    return render(reply, <FollowUpsPage sites={await this.sites.list(user)} siteId={siteId} list={list} />);
  }

  @Post('placements/:id/follow-up')
  @Allow('officer')
  async recordFollowUp(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, ['date', 'stillEmployed', 'monthlyIncome', 'note', 'taskId']);
    const income = values.monthlyIncome ? Number(values.monthlyIncome) : undefined;
    const { value, errors } = await validateForm(
      CreateFollowUpDto,
      {
        date: values.date,
        stillEmployed:
          values.stillEmployed === 'true' ? true : values.stillEmployed === 'false' ? false : undefined,
        monthlyIncome: income,
        note: values.note,
      },
      {},
    );
    const fail = async (errs: FormErrors) => {
      const list = await this.followUps.list(
        user,
        Object.assign(new FollowUpTaskQuery(), { pageSize: 20 }),
      );
      return render(
        reply,
        <FollowUpsPage
          sites={await this.sites.list(user)}
          list={list}
          failed={{ taskId: values.taskId ?? '', errors: errs, values }}
        />,
        { status: 400 },
      );
    };
    if (Object.keys(errors).length) return fail(errors);
    try {
      await this.placements.addFollowUp(user, id, value);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) {
        const errs: FormErrors = {};
        for (const d of e.details ?? []) errs[d.field] = 'form.fixErrors';
        return fail(Object.keys(errs).length ? errs : { date: 'form.fixErrors' });
      }
      throw e;
    }
    return redirect(reply, '/officer/follow-ups?done=followUp');
  }
}
