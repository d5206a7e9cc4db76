import type { Page } from '../../../kernel/pagination';
import { SCORE_BANDS, type OfficerMatchDto, type ScoreBand } from '../../../matching/dto/match.dto';
import { ActionButton, Form } from '../../components/form';
import { ItemList } from '../../components/item-list';
import { useWeb } from '../../render';
import { OfficerPage, Pager, type SiteOption } from '../officer-layout';
import { TotalCount } from '../officer-lists';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

function FieldError({ id, error }: { id: string; error?: OfficerKey }) {
  const { t } = useWeb();
  return error ? (
    <span class="field-error" id={id}>
      {t(error)}
    </span>
  ) : null;
}

/** The 待推荐 page's filters, as its query string carries them (and the form keeps). */
export interface MatchFilters {
  siteId?: string;
  postingId?: string;
  band?: ScoreBand;
  zeroEmployment?: boolean;
}

const BAND_LABEL: Record<ScoreBand, OfficerKey> = {
  strong: 'officer.matches.band.strong',
  fair: 'officer.matches.band.fair',
  weak: 'officer.matches.band.weak',
};

/** The query string of the filters (and a page): the pager and the form's links keep them. */
export function matchFiltersQuery(f: MatchFilters, pageNo?: number): string {
  const qs = new URLSearchParams();
  if (f.siteId) qs.set('siteId', f.siteId);
  if (f.postingId) qs.set('postingId', f.postingId);
  if (f.band) qs.set('band', f.band);
  if (f.zeroEmployment) qs.set('zeroEmployment', 'true');
  if (pageNo && pageNo > 1) qs.set('page', String(pageNo));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** One GET form for every filter of the queue; it shows what was chosen. */
function MatchFilterForm(props: {
  sites: SiteOption[];
  postings: { id: string; title: string; matches: number }[];
  filters: MatchFilters;
}) {
  const { t } = useWeb();
  const f = props.filters;
  return (
    <form method="get" action="/officer/matches" class="filters">
      <label for="f-siteId">{t('officer.site')}</label>
      <select id="f-siteId" name="siteId">
        <option value="">{t('officer.allSites')}</option>
        {props.sites.map((s) => (
          <option key={s.id} value={s.id} selected={s.id === f.siteId}>
            {s.name}
          </option>
        ))}
      </select>
      <label for="f-postingId">{t('officer.matches.posting')}</label>
      <select id="f-postingId" name="postingId">
        <option value="">{t('officer.matches.allPostings')}</option>
        {props.postings.map((p) => (
          <option key={p.id} value={p.id} selected={p.id === f.postingId}>
            {`${p.title}（${p.matches}）`}
          </option>
        ))}
      </select>
      <label for="f-band">{t('officer.matches.bandLabel')}</label>
      <select id="f-band" name="band">
        <option value="">{t('officer.matches.allBands')}</option>
        {SCORE_BANDS.map((b) => (
          <option key={b} value={b} selected={b === f.band}>
            {t(BAND_LABEL[b])}
          </option>
        ))}
      </select>
      <label class="check">
        <input type="checkbox" name="zeroEmployment" value="true" checked={!!f.zeroEmployment} />
        {t('officer.matches.zeroOnly')}
      </label>
      <button type="submit" class="button">
        {t('officer.show')}
      </button>
    </form>
  );
}

/**
 * `/officer/matches`: matches to refer, the best work first (strong matches lead; within a band
 * of score household priority orders those who meet the required skills), each with its reason.
 */
export function MatchesPage(props: {
  sites: SiteOption[];
  postings: { id: string; title: string; matches: number }[];
  filters: MatchFilters;
  list: Page<OfficerMatchDto>;
  /** After an action: what was done (the confirmation shown on top). */
  done?: 'referred' | 'dismissed';
  /** The match whose dismiss form failed, and why. */
  failed?: { matchId: string; error: OfficerKey };
}) {
  const { t } = useWeb();
  const { list, filters } = props;
  const notice =
    props.done === 'referred'
      ? t('officer.matches.referred')
      : props.done === 'dismissed'
        ? t('officer.matches.dismissed')
        : undefined;
  return (
    <OfficerPage title="officer.matches.title" notice={notice}>
      <p class="lead">{t('officer.matches.intro')}</p>
      <MatchFilterForm sites={props.sites} postings={props.postings} filters={filters} />
      <TotalCount n={list.total} />
      <ItemList items={list.items} class="queue" empty={t('officer.matches.none')}>
        {(m) => {
          const err = props.failed?.matchId === m.matchId ? props.failed.error : undefined;
          return (
            <li key={m.matchId} class={m.zeroEmployment ? 'at-risk' : undefined}>
              <h2 class="item-title">
                <a href={`/officer/residents/${m.residentId}`}>{m.name}</a> →{' '}
                <a href={`/jobs/${m.postingId}`}>{m.postingTitle}</a>
              </h2>
              <p>
                {t('officer.matches.score', { score: Math.round(m.score) })}
                {m.zeroEmployment && <strong> · {t('officer.matches.zeroHousehold')}</strong>}
              </p>
              <p class="reason">{m.reason}</p>
              <div class="row-actions">
                <ActionButton
                  action={`/officer/matches/${m.matchId}/refer`}
                  text={t('officer.matches.refer')}
                  label={t('officer.matches.refer')}
                  primary
                />
                <Form
                  action={`/officer/matches/${m.matchId}/dismiss`}
                  class="dismiss"
                  label={t('officer.matches.dismiss')}
                >
                  <div class={err ? 'field invalid' : 'field'}>
                    <label for={`reason-${m.matchId}`}>{t('officer.matches.reason')}</label>
                    <FieldError id={`reason-${m.matchId}-error`} error={err} />
                    <input
                      id={`reason-${m.matchId}`}
                      name="reason"
                      maxLength={500}
                      aria-invalid={err ? 'true' : undefined}
                      aria-describedby={err ? `reason-${m.matchId}-error` : undefined}
                    />
                  </div>
                  <button type="submit" class="button">
                    {t('officer.matches.dismiss')}
                  </button>
                </Form>
              </div>
            </li>
          );
        }}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={(n) => `/officer/matches${matchFiltersQuery(filters, n)}`}
      />
    </OfficerPage>
  );
}
