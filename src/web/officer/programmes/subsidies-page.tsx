import { formatDate } from '../../../kernel/clock';
import { basisText } from '../../../i18n/subsidy-vocabulary';
import { SUBSIDY_PROGRAMMES } from '../../../programmes/subsidies/subsidies-config';
import type { ClaimDto, EligibilityItemDto } from '../../../programmes/subsidies/dto/subsidy.dto';
import { EVIDENCE_STATUSES } from '../../../programmes/subsidies/dto/subsidy.dto';
import { Form } from '../../components/form';
import { Layout } from '../../components/layout';
import type { MessageKey } from '../../../i18n/web/messages';
import { useWeb } from '../../render';

export interface SubsidiesPageProps {
  sites: { id: string; name: string }[];
  siteId: string | null;
  programme: string;
  /** The period as typed (kept when it was refused). */
  period: string;
  items: EligibilityItemDto[];
  claims: ClaimDto[];
  error?: string;
  notice?: string;
  /** The evidence marks a failed save sent, to show them again: residentId → item → status. */
  kept?: { residentId: string; statuses: Record<string, string> };
}

const back = (p: { siteId: string | null; programme: string; period: string }) =>
  `siteId=${p.siteId ?? ''}&programme=${p.programme}&period=${encodeURIComponent(p.period)}`;

/**
 * GET /officer/programmes/subsidies: who at the site is due the programme in the period (from
 * the records), each person's evidence checklist to mark, a claim button once it is complete,
 * and the claims filed with the notice roster of each batch. Forms post back here (no JS).
 */
export function SubsidiesPage(props: SubsidiesPageProps) {
  const { t } = useWeb();
  const words = (k: string) => t(k as MessageKey);
  const batches = new Map<string, string>();
  for (const c of props.claims) batches.set(c.batchId, c.period);
  return (
    <Layout title={t('subsidy.page.title')} notice={props.notice}>
      <h1>{t('subsidy.page.title')}</h1>
      <p class="lead">{t('subsidy.page.intro')}</p>
      {!props.siteId ? (
        <p class="empty">{t('subsidy.page.noSite')}</p>
      ) : (
        <>
          <form
            method="get"
            action="/officer/programmes/subsidies"
            class="stack"
            aria-label={t('subsidy.page.show')}
          >
            <div class="field">
              <label for="f-siteId">{t('subsidy.page.site')}</label>
              <select id="f-siteId" name="siteId">
                {props.sites.map((s) => (
                  <option key={s.id} value={s.id} selected={s.id === props.siteId}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-programme">{t('subsidy.page.programme')}</label>
              <select id="f-programme" name="programme">
                {SUBSIDY_PROGRAMMES.map((p) => (
                  <option key={p} value={p} selected={p === props.programme}>
                    {words(`subsidy.programme.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-period">{t('subsidy.page.period')}</label>
              <input id="f-period" name="period" value={props.period} inputMode="text" autoComplete="off" />
            </div>
            <button type="submit" class="button">
              {t('subsidy.page.show')}
            </button>
          </form>
          {props.error && (
            <p class="error-summary" role="alert">
              {props.error}
            </p>
          )}
          <h2>{t('subsidy.page.eligible', { count: props.items.length })}</h2>
          {props.items.length === 0 ? (
            <p class="empty">{t('subsidy.page.none')}</p>
          ) : (
            <ul class="cards" id="eligible">
              {props.items.map((i) => (
                <EligibleCard key={i.residentId} item={i} page={props} />
              ))}
            </ul>
          )}
          <h2>{t('subsidy.page.claims')}</h2>
          {props.claims.length === 0 ? (
            <p class="empty">{t('subsidy.page.noClaims')}</p>
          ) : (
            <>
              <ul class="downloads">
                {[...batches].map(([id, period]) => (
                  <li key={id}>
                    <a class="button" href={`/api/v1/exports/subsidy-notice.xlsx?batch=${id}`} download>
                      {t('subsidy.page.roster', { period })}
                    </a>
                  </li>
                ))}
              </ul>
              <ul class="cards" id="claims">
                {props.claims.map((c) => (
                  <li key={c.id} class="card">
                    <strong>{c.residentName}</strong> · {words(`subsidy.programme.${c.programme}`)} ·{' '}
                    {c.period} · {t('subsidy.page.amount', { amount: c.amount })}
                    <br />
                    <span class="muted">{formatDate(c.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

function EligibleCard({ item, page }: { item: EligibilityItemDto; page: SubsidiesPageProps }) {
  const { t } = useWeb();
  const words = (k: string) => t(k as MessageKey);
  const kept = page.kept?.residentId === item.residentId ? page.kept.statuses : null;
  const basis = basisText((k, p) => t(k, p), item.programme, item.basis);
  const id = item.residentId.slice(0, 8);
  return (
    <li class="card">
      <h3 class="item-title">{item.residentName}</h3>
      <p>
        <strong>{t('subsidy.page.amount', { amount: item.amount })}</strong> ·{' '}
        {t('subsidy.page.since', { date: item.eligibleSince })}
        {basis && (
          <>
            <br />
            {basis}
          </>
        )}
      </p>
      <Form
        action={`/officer/programmes/subsidies/evidence?${back(page)}`}
        label={`${t('subsidy.page.evidence')} ${item.residentName}`}
      >
        <input type="hidden" name="residentId" value={item.residentId} />
        <fieldset class="stack">
          <legend>{t('subsidy.page.evidence')}</legend>
          {item.evidence.map((e) => (
            <div class="field" key={e.item}>
              <label for={`f-${id}-${e.item}`}>{words(`subsidy.evidence.${e.item}`)}</label>
              <select id={`f-${id}-${e.item}`} name={`ev.${e.item}`}>
                {EVIDENCE_STATUSES.map((s) => (
                  <option key={s} value={s} selected={(kept?.[e.item] ?? e.status) === s}>
                    {words(`subsidy.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t('subsidy.page.save')}
        </button>
      </Form>
      {item.claimId ? (
        <p class="status status-hired">{t('subsidy.page.claimed')}</p>
      ) : item.complete ? (
        <Form
          action={`/officer/programmes/subsidies/claims?${back(page)}`}
          label={`${t('subsidy.page.claim')} ${item.residentName}`}
        >
          <input type="hidden" name="residentId" value={item.residentId} />
          <button type="submit" class="button primary">
            {t('subsidy.page.claim')}
          </button>
        </Form>
      ) : (
        <p class="muted">{t('subsidy.page.incomplete')}</p>
      )}
    </li>
  );
}
