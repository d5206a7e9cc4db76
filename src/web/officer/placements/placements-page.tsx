import { todayInPilotZone } from '../../../kernel/clock';
import type { PlacementDto } from '../../../placements/dto/placement.dto';
import { Form } from '../../components/form';
import { ItemList } from '../../components/item-list';
import { useWeb } from '../../render';
import { OfficerPage, Pager, SitePicker, type SiteOption } from '../officer-layout';
import { TotalCount } from '../officer-lists';
import { KindLabel } from './kind-label';

/** `/officer/placements`: who is at work (a month from the chart, or all); end a placement. */
export function PlacementsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  month?: string;
  active?: boolean;
  items: PlacementDto[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = useWeb();
  const { siteId, month } = props;
  const keep = [
    siteId ? `siteId=${siteId}` : '',
    month ? `month=${month}` : '',
    props.active ? 'active=true' : '',
  ]
    .filter(Boolean)
    .join('&');
  const today = todayInPilotZone();
  return (
    <OfficerPage title="officer.placements.title">
      {month && <p class="lead">{t('officer.placements.startedIn', { month })}</p>}
      <SitePicker
        action="/officer/placements"
        sites={props.sites}
        current={siteId}
        allowAll
        keep={{ ...(month ? { month } : {}), ...(props.active ? { active: 'true' } : {}) }}
      />
      {siteId && (
        <p class="actions">
          <a href={`/api/v1/exports/placements?siteId=${siteId}`} download>
            {t('officer.exportExcel')}
          </a>
        </p>
      )}
      <TotalCount n={props.total} />
      <ItemList items={props.items} class="queue" id="placement-list" empty={t('officer.placements.none')}>
        {(p) => (
          <li key={p.id}>
            <h2 class="item-title">
              <a href={`/officer/residents/${p.residentId}`}>{p.residentName}</a>
            </h2>
            <p>
              <KindLabel kind={p.kind} /> · {p.employerName ?? '—'}
              {p.partnerCity ? ` · ${p.partnerCity}` : ''}
            </p>
            <p>
              {t('officer.placements.since', { date: p.startDate })}
              {p.endDate ? ` – ${p.endDate} (${p.endReason ?? ''})` : ` · ${t('officer.placements.active')}`}
            </p>
            {p.active && (
              <details>
                <summary>{t('officer.placements.end')}</summary>
                <Form action={`/officer/placements/${p.id}/end`} label={t('officer.placements.end')}>
                  <div class="field">
                    <label for={`end-${p.id}`}>{t('officer.placements.endDate')}</label>
                    <input id={`end-${p.id}`} type="date" name="endDate" value={today} required />
                  </div>
                  <div class="field">
                    <label for={`why-${p.id}`}>{t('officer.placements.endReason')}</label>
                    <input id={`why-${p.id}`} name="reason" maxLength={200} required />
                  </div>
                  <button type="submit" class="button">
                    {t('officer.placements.end')}
                  </button>
                </Form>
              </details>
            )}
          </li>
        )}
      </ItemList>
      <Pager
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        href={(p) => `/officer/placements?${keep ? `${keep}&` : ''}page=${p}`}
      />
    </OfficerPage>
  );
}
