import type { FairDto } from '../../../programmes/cooperation/dto/cooperation.dto';
import type { ResidentSummaryDto } from '../../../residents/dto/resident.dto';
import { Form, SelectField, TextField } from '../../components/form';
import { Layout } from '../../components/layout';
import { useWeb } from '../../render';
import { BASE, ErrorLine, type PageError, type TypedValues } from './cooperation-page-parts';

/** GET /officer/programmes/cooperation/batches/new: the batch and its members, picked on a phone. */
export function NewBatchPage(p: {
  residents: ResidentSummaryDto[];
  cities: string[];
  fairs: FairDto[];
  today: string;
  values?: TypedValues;
  residentIds?: string[];
  error?: PageError;
}) {
  const { t } = useWeb();
  const v = { ...p.values, departureOn: p.values?.departureOn ?? p.today };
  const picked = new Set(p.residentIds ?? []);
  return (
    <Layout title={t('coop.batch.new')}>
      <h1>{t('coop.batch.new')}</h1>
      <Form class="stack" action={`${BASE}/batches`} label={t('coop.batch.new')}>
        <ErrorLine error={p.error} />
        <SelectField
          name="partnerCity"
          label={t('coop.field.partnerCity')}
          values={v}
          options={p.cities.map((c) => ({ value: c, label: c }))}
          required
        />
        <TextField name="departureOn" type="date" label={t('coop.field.departureOn')} values={v} required />
        <SelectField
          name="transport"
          label={t('coop.field.transport')}
          values={v}
          options={(['', 'bus', 'train'] as const).map((x) => ({
            value: x,
            label: t(x ? `coop.transport.${x}` : 'coop.transport.none'),
          }))}
        />
        <SelectField
          name="fairId"
          label={t('coop.field.fairId')}
          values={v}
          placeholder="—"
          options={p.fairs.map((f) => ({ value: f.id, label: `${f.heldOn} ${f.name}` }))}
        />
        <TextField
          name="liaisonPhone"
          type="tel"
          inputMode="tel"
          label={t('coop.field.liaisonPhone')}
          values={v}
          maxLength={11}
        />
        <fieldset class={p.error?.field === 'coop.field.residentIds' ? 'field invalid' : 'field'} id="b-residents">
          <legend>{t('coop.field.residentIds')}</legend>
          {p.residents.length === 0 ? (
            <p class="empty">{t('coop.noResidents')}</p>
          ) : (
            <div class="checks">
              {p.residents.map((r) => (
                <label key={r.id} class="choice">
                  <input type="checkbox" name="residentIds" value={r.id} checked={picked.has(r.id)} />
                  <span>{r.name}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <button type="submit" class="button primary">
          {t('coop.create')}
        </button>
      </Form>
    </Layout>
  );
}
