import type { SiteDto } from '../../regions/dto/site.dto';
import {
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  type Option,
  SelectField,
  TextField,
} from '../components/form';
import { CoordinateFields } from '../components/coordinate-fields';
import { ItemList } from '../components/item-list';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

/** Rows of channels on the form; a site rarely has more than a WeCom robot and an e-mail. */
export const CHANNEL_ROWS = 3;

/** The sites, each with a link to edit it. */
export function SitesPage({ sites, notice }: { sites: SiteDto[]; notice?: string }) {
  const { t } = useWeb();
  return (
    <Layout title={t('admin.sites.title')} notice={notice}>
      <p>
        <a href="/admin">← {t('admin.back')}</a>
      </p>
      <h1>{t('admin.sites.title')}</h1>
      <p>
        <a class="button primary" href="/admin/sites/new">
          {t('admin.sites.new')}
        </a>
      </p>
      <ItemList items={sites} class="cards" empty={t('admin.sites.none')} id="site-list">
        {(s) => (
          <li class="card" key={s.id}>
            <h2 class="h3">{s.name}</h2>
            <ul class="facts">
              <li>{s.regionName ?? s.regionCode}</li>
              <li>{t('admin.sites.channels', { n: s.channels?.length ?? 0 })}</li>
            </ul>
            <p>
              <a
                class="button small"
                href={`/admin/sites/${s.id}/edit`}
                aria-label={`${t('admin.sites.edit')} ${s.name}`}
              >
                {t('admin.sites.edit')}
              </a>
            </p>
          </li>
        )}
      </ItemList>
    </Layout>
  );
}

export function SiteFormPage(p: {
  siteId?: string;
  values: FormValues;
  errors?: FormErrors;
  townships: Option[];
}) {
  const { t } = useWeb();
  const v = p.values;
  const errors = p.errors ?? {};
  const title = t(p.siteId ? 'admin.sites.editTitle' : 'admin.sites.newTitle');
  const types: Option[] = [
    { value: 'wecom', label: t('admin.sites.channel.wecom') },
    { value: 'dingtalk', label: t('admin.sites.channel.dingtalk') },
    { value: 'email', label: t('admin.sites.channel.email') },
  ];
  return (
    <Layout title={title}>
      <p>
        <a href="/admin/sites">← {t('admin.sites.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Form action={p.siteId ? `/admin/sites/${p.siteId}` : '/admin/sites'} label={title}>
        <TextField
          name="name"
          label={t('admin.sites.name')}
          maxLength={100}
          required
          values={v}
          errors={errors}
        />
        <SelectField
          name="regionCode"
          label={t('admin.sites.region')}
          options={p.townships}
          placeholder=""
          required
          values={v}
          errors={errors}
        />
        <div class="pair">
          <CoordinateFields
            latitudeLabel={t('admin.sites.latitude')}
            longitudeLabel={t('admin.sites.longitude')}
            required
            values={v}
            errors={errors}
          />
        </div>
        <TextField
          name="capacity"
          type="number"
          inputMode="numeric"
          label={t('admin.sites.capacity')}
          values={v}
          errors={errors}
        />
        <TextField name="openedOn" type="date" label={t('admin.sites.openedOn')} values={v} errors={errors} />
        <fieldset class={errors.channels ? 'field invalid' : 'field'} id="channels">
          <legend>{t('admin.sites.channelsLegend')}</legend>
          <span class="hint">{t('admin.sites.channelsHint')}</span>
          {errors.channels && <span class="field-error">{t(errors.channels)}</span>}
          {Array.from({ length: CHANNEL_ROWS }, (_, i) => (
            <div key={i}>
              <SelectField
                name={`channelType${i}`}
                label={t('admin.sites.channelType', { n: i + 1 })}
                options={types}
                placeholder={t('admin.sites.channelNone')}
                values={v}
              />
              <TextField
                name={`channelTarget${i}`}
                label={t('admin.sites.channelTarget', { n: i + 1 })}
                maxLength={500}
                values={v}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button primary">
          {t('admin.sites.save')}
        </button>
      </Form>
    </Layout>
  );
}
