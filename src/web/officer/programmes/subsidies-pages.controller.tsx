import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { DomainError, NotFoundError } from '../../../kernel/domain-errors';
import { SiteQuery } from '../../../regions/dto/site.dto';
import { RegionsService } from '../../../regions/regions.service';
import {
  EVIDENCE_STATUSES,
  type ClaimDto,
  type EvidenceStatus,
} from '../../../programmes/subsidies/dto/subsidy.dto';
import { SUBSIDY_PROGRAMMES, type SubsidyProgramme } from '../../../programmes/subsidies/subsidies-config';
import { SubsidiesService } from '../../../programmes/subsidies/subsidies.service';
import { formString, type FormBody } from '../../form-data';
import type { Translate } from '../../../i18n/web/i18n';
import type { MessageKey } from '../../../i18n/web/messages';
import { redirect, render, webContextOf } from '../../render';
import { SubsidiesPage, type SubsidiesPageProps } from './subsidies-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Ask {
  siteId?: string;
  programme?: string;
  period?: string;
}

/** The officer's subsidies page (issue 17 §2), through SubsidiesService like the API. */
@ApiExcludeController()
@Controller('officer/programmes/subsidies')
export class SubsidiesPagesController {
  constructor(
    private readonly subsidies: SubsidiesService,
    private readonly regions: RegionsService,
  ) {}

  @Get()
  @Allow('officer')
  async page(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query() q: Ask & { done?: string }) {
    const t = webContextOf(reply.request).t;
    const notice =
      q.done === 'claim'
        ? t('subsidy.page.done.claim')
        : q.done === 'evidence'
          ? t('subsidy.page.done.evidence')
          : undefined;
    return this.show(reply, user, q, { notice });
  }

  @Post('evidence')
  @Allow('officer')
  async evidence(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query() q: Ask,
    @Body() body: FormBody,
  ) {
    const residentId = formString(body, 'residentId');
    const programme = this.programme(q.programme);
    const statuses: Record<string, string> = {};
    for (const key of Object.keys(body ?? {}))
      if (key.startsWith('ev.')) statuses[key.slice(3)] = formString(body, key);
    try {
      if (!UUID.test(residentId)) throw new NotFoundError('Resident');
      const site = await this.site(user, q.siteId);
      const now = await this.subsidies.eligibility(user, {
        siteId: site,
        programme,
        period: q.period || undefined,
      });
      const current = now.items.find((i) => i.residentId === residentId);
      if (!current) throw new NotFoundError('Resident');
      for (const e of current.evidence) {
        const want = statuses[e.item];
        if (want === undefined || want === e.status) continue;
        if (!(EVIDENCE_STATUSES as readonly string[]).includes(want)) continue;
        await this.subsidies.setEvidence(user, {
          residentId,
          programme,
          item: e.item,
          status: want as EvidenceStatus,
        });
      }
    } catch (e) {
      if (e instanceof DomainError && (e.status === 400 || e.status === 409))
        return this.show(reply, user, q, { refused: e, kept: { residentId, statuses } });
      throw e;
    }
    return redirect(reply, this.back(q, 'evidence'));
  }

  @Post('claims')
  @Allow('officer')
  async claim(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query() q: Ask,
    @Body() body: FormBody,
  ) {
    const residentId = formString(body, 'residentId');
    const programme = this.programme(q.programme);
    try {
      if (!UUID.test(residentId)) throw new NotFoundError('Resident');
      await this.subsidies.fileClaim(user, { residentId, programme, period: q.period ?? '' });
    } catch (e) {
      if (e instanceof DomainError && (e.status === 400 || e.status === 409))
        return this.show(reply, user, q, { refused: e });
      throw e;
    }
    return redirect(reply, this.back(q, 'claim'));
  }

  // ---- internals -------------------------------------------------------------------------------

  private programme(p: string | undefined): SubsidyProgramme {
    return (SUBSIDY_PROGRAMMES as readonly string[]).includes(p ?? '')
      ? (p as SubsidyProgramme)
      : 'transport';
  }

  private async sites(user: AuthUser): Promise<{ id: string; name: string }[]> {
    const list = await this.regions.listSites(
      user,
      Object.assign(new SiteQuery(), { page: 1, pageSize: 100 }),
    );
    return list.items.map((s) => ({ id: s.id, name: s.name }));
  }

  /** The asked site if the officer manages it (404 otherwise), else their first. */
  private async site(user: AuthUser, asked: string | undefined): Promise<string> {
    const sites = await this.sites(user);
    if (asked && !sites.some((s) => s.id === asked)) throw new NotFoundError('Site');
    const id = asked || sites[0]?.id;
    if (!id) throw new NotFoundError('Site');
    return id;
  }

  private back(q: Ask, done: string): string {
    const p = new URLSearchParams({
      siteId: q.siteId ?? '',
      programme: this.programme(q.programme),
      period: q.period ?? '',
      done,
    });
    return `/officer/programmes/subsidies?${p.toString()}`;
  }

  private async show(
    reply: FastifyReply,
    user: AuthUser,
    q: Ask,
    extra: { notice?: string; refused?: DomainError; kept?: SubsidiesPageProps['kept'] },
  ) {
    const t = webContextOf(reply.request).t;
    let status = extra.refused?.status;
    let refused = extra.refused;
    const sites = await this.sites(user);
    if (q.siteId && !sites.some((s) => s.id === q.siteId)) throw new NotFoundError('Site');
    const siteId = q.siteId || sites[0]?.id || null;
    const programme = this.programme(q.programme);
    const props: SubsidiesPageProps = {
      sites,
      siteId,
      programme,
      period: q.period ?? '',
      items: [],
      claims: [],
      notice: extra.notice,
      kept: extra.kept,
    };
    if (siteId) {
      try {
        const list = await this.subsidies.eligibility(user, {
          siteId,
          programme,
          period: q.period || undefined,
        });
        props.items = list.items;
        props.period = list.period;
      } catch (e) {
        if (!(e instanceof DomainError && e.status === 400)) throw e;
        refused = e;
        status = 400;
      }
      props.claims = await this.subsidies.claims(user, siteId);
    }
    if (refused) props.error = refusal(t, refused, props.claims);
    return render(reply, <SubsidiesPage {...props} />, { status });
  }
}

const CLAIM_ID = /claim ([0-9a-f-]{36})/;

/**
 * A refusal in the officer's words (the service speaks English to API clients): the period's
 * expected shape, the missing evidence by name, the conflicting claim by programme and period.
 */
function refusal(t: Translate, e: DomainError, claims: ClaimDto[]): string {
  const name = (k: string) => t(k as MessageKey);
  if (e.code === 'validation') {
    const example = /e\.g\. (\S+)$/.exec(e.message)?.[1];
    return example ? t('subsidy.page.error.period', { example }) : e.message;
  }
  if (e.code === 'subsidy.evidence_missing') {
    const items = e.message.replace(/^.*?: /, '').split(', ');
    return t('subsidy.page.error.evidence', {
      items: items.map((i) => name(`subsidy.evidence.${i}`)).join('、'),
    });
  }
  if (e.code === 'subsidy.not_eligible') return t('subsidy.page.error.notEligible');
  if (e.code === 'subsidy.claim_duplicate') return t('subsidy.page.error.duplicate');
  const id = CLAIM_ID.exec(e.message)?.[1];
  const c = claims.find((x) => x.id === id);
  if (!c) return t('subsidy.page.error.duplicate');
  const claim = `${name(`subsidy.programme.${c.programme}`)} ${c.period}`;
  if (e.message.includes('once per person')) return t('subsidy.page.error.once', { claim });
  if (e.message.includes('one category')) return t('subsidy.page.error.conflict', { claim });
  return t('subsidy.page.error.duplicate');
}
