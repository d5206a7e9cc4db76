import type { BatchDto, FairDto, OutcomeListDto } from '../../../programmes/cooperation/dto/cooperation.dto';
import { Form, SelectField, TextField } from '../../components/form';
import { Layout } from '../../components/layout';
import type { MessageKey } from '../../../i18n/web/messages';
import { useWeb } from '../../render';
import { BASE, ErrorLine, type PageError, type TypedValues } from './cooperation-page-parts';

/** GET /officer/programmes/cooperation: batches, fairs and outcomes of the officer's sites. */
export function CooperationHomePage(p: {
  batches: BatchDto[];
  fairs: FairDto[];
  outcomes: OutcomeListDto;
  cities: string[];
  sites: { id: string; name: string }[];
  today: string;
  notice?: MessageKey;
  error?: PageError;
  values?: TypedValues;
}) {
  const { t } = useWeb();
  const fair = { ...p.values, heldOn: p.values?.heldOn ?? p.today };
  return (
    <Layout title={t('coop.title')} notice={p.notice ? t(p.notice) : undefined}>
      <h1>{t('coop.title')}</h1>
      <p>
        <a class="button primary" href={`${BASE}/batches/new`}>
          {t('coop.batch.new')}
        </a>
      </p>
      <h2>{t('coop.batches')}</h2>
      {p.batches.length === 0 ? (
        <p class="empty">{t('coop.batches.none')}</p>
      ) : (
        <ul id="coop-batches">
          {p.batches.map((b) => (
            <li key={b.id}>
              <a href={`${BASE}/batches/${b.id}`}>
                {t('coop.batch.title', { city: b.partnerCity, date: b.departureOn })}
              </a>
              {' · '}
              {t('coop.batch.members', { n: b.memberCount, arrived: b.arrivedCount })}
            </li>
          ))}
        </ul>
      )}
      <h2 id="outcomes">{t('coop.outcomes')}</h2>
      <p>
        {(['city', 'fair', 'employer'] as const).map((by) => (
          <>
            {by === p.outcomes.by ? (
              <strong>{t(`coop.outcomes.by.${by}`)}</strong>
            ) : (
              <a href={`${BASE}?by=${by}#outcomes`}>{t(`coop.outcomes.by.${by}`)}</a>
            )}{' '}
          </>
        ))}
      </p>
      {p.outcomes.items.length === 0 ? (
        <p class="empty">{t('coop.outcomes.none')}</p>
      ) : (
        <ul id="coop-outcomes">
          {p.outcomes.items.map((o) => (
            <li key={o.key ?? 'none'}>
              <strong>{o.label ?? t('coop.outcomes.unknown')}</strong>：
              {t('coop.outcomes.row', {
                departed: o.departed,
                arrived: o.arrived,
                at3: o.atWork3,
                at6: o.atWork6,
              })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('coop.fairs')}</h2>
      {p.fairs.length === 0 ? (
        <p class="empty">{t('coop.fairs.none')}</p>
      ) : (
        <ul id="coop-fairs">
          {p.fairs.map((f) => (
            <li key={f.id}>
              {f.heldOn} {f.name}（{f.partnerCity}）
            </li>
          ))}
        </ul>
      )}
      <Form class="stack" action={`${BASE}/fairs`} label={t('coop.fair.new')}>
        <h3>{t('coop.fair.new')}</h3>
        <ErrorLine error={p.error} />
        <TextField name="name" label={t('coop.field.name')} values={fair} maxLength={100} required />
        <TextField name="heldOn" type="date" label={t('coop.field.heldOn')} values={fair} required />
        <SelectField
          name="partnerCity"
          label={t('coop.field.partnerCity')}
          values={fair}
          options={p.cities.map((c) => ({ value: c, label: c }))}
          required
        />
        <SelectField
          name="siteId"
          label={t('coop.field.siteId')}
          values={fair}
          options={p.sites.map((s) => ({ value: s.id, label: s.name }))}
          required
        />
        <button type="submit" class="button">
          {t('coop.save')}
        </button>
      </Form>
    </Layout>
  );
}
