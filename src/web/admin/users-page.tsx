import {
  ActionButton,
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  type Option,
  RadioField,
  TextField,
} from '../components/form';
import { ItemList } from '../components/item-list';
import { Layout } from '../components/layout';
import type { AdminKey } from '../../i18n/web/admin-messages';
import { useWeb } from '../render';

export const STAFF_ROLE: Record<string, AdminKey> = {
  officer: 'admin.users.role.officer',
  provider: 'admin.users.role.provider',
  admin: 'admin.users.role.admin',
  // A partner city's liaison officer (east–west labour cooperation): sees the batches naming them.
  liaison: 'admin.users.role.liaison',
};

export interface StaffRow {
  id: string;
  name: string;
  role: string;
  maskedPhone: string;
  /** Site names and region codes, in words. */
  scope: string;
  disabled: boolean;
  self: boolean;
}

export interface UsersPageProps {
  users: StaffRow[];
  sites: Option[];
  values?: FormValues;
  /** Ticked sites of a form sent back. */
  siteIds?: string[];
  errors?: FormErrors;
  notice?: string;
  error?: string;
}

/** Staff accounts and the form that opens one (officers with the sites and regions they cover). */
export function UsersPage(p: UsersPageProps) {
  const { t } = useWeb();
  const v = p.values ?? { role: 'officer' };
  const errors = p.errors ?? {};
  const ticked = new Set(p.siteIds ?? []);
  return (
    <Layout title={t('admin.users.title')} notice={p.notice}>
      <p>
        <a href="/admin">← {t('admin.back')}</a>
      </p>
      <h1>{t('admin.users.title')}</h1>
      {p.error && (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      )}
      <p>
        <a class="button primary" href="#new-user">
          {t('admin.users.new')}
        </a>
      </p>
      <ItemList items={p.users} class="cards" empty={t('admin.users.none')} id="user-list">
        {(u) => (
          <li class="card" key={u.id}>
            <h2 class="h3">{u.name}</h2>
            <ul class="facts">
              <li>{t(STAFF_ROLE[u.role] ?? 'admin.users.role.admin')}</li>
              <li class="mono">{u.maskedPhone}</li>
              {u.role === 'officer' && (
                <li>{u.scope ? t('admin.users.scope', { scope: u.scope }) : t('admin.users.noScope')}</li>
              )}
              {u.disabled && <li class="warning">{t('admin.users.disabled')}</li>}
            </ul>
            {!u.disabled && !u.self && (
              <p>
                <a
                  class="button small"
                  href={`/admin/users/${u.id}/deactivate`}
                  aria-label={`${t('admin.users.deactivate')} ${u.name}`}
                >
                  {t('admin.users.deactivate')}
                </a>
              </p>
            )}
          </li>
        )}
      </ItemList>

      <h2 id="new-user">{t('admin.users.new')}</h2>
      <ErrorSummary errors={errors} />
      <Form action="/admin/users" label={t('admin.users.new')}>
        <RadioField
          name="role"
          label={t('admin.users.role')}
          options={Object.entries(STAFF_ROLE).map(([value, key]) => ({ value, label: t(key) }))}
          required
          values={v}
          errors={errors}
        />
        <TextField name="name" label={t('field.name')} maxLength={100} required values={v} errors={errors} />
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t('field.phone')}
          hint={t('field.phone.hint')}
          maxLength={11}
          required
          values={v}
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          autocomplete="new-password"
          label={t('admin.users.password')}
          hint={t('field.password.hint')}
          required
          values={v}
          errors={errors}
        />
        <fieldset class={errors.siteIds ? 'field invalid' : 'field'} id="scope-sites">
          <legend>{t('admin.users.scopeSites')}</legend>
          {errors.siteIds && <span class="field-error">{t(errors.siteIds)}</span>}
          <div class="checks">
            {p.sites.map((s) => (
              <label class="choice" key={s.value}>
                <input type="checkbox" name="siteIds" value={s.value} checked={ticked.has(s.value)} />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          name="regionCodes"
          label={t('admin.users.scopeRegions')}
          hint={t('admin.users.scopeRegionsHint')}
          maxLength={500}
          values={v}
          errors={errors}
        />
        <button type="submit" class="button primary">
          {t('admin.users.submit')}
        </button>
      </Form>
    </Layout>
  );
}

/** Deactivation asks first (DESIGN.md "The web": every destructive step asks first). */
export function DeactivatePage({ user }: { user: StaffRow }) {
  const { t } = useWeb();
  return (
    <Layout title={t('admin.users.confirmTitle')}>
      <h1>{t('admin.users.confirmTitle')}</h1>
      <p>
        {t('admin.users.confirmBody', {
          name: user.name,
          role: t(STAFF_ROLE[user.role] ?? 'admin.users.role.admin'),
        })}
      </p>
      <p class="actions">
        <ActionButton action={`/admin/users/${user.id}/deactivate`} text={t('admin.users.confirm')} primary />
        <a class="button" href="/admin/users">
          {t('admin.users.cancel')}
        </a>
      </p>
    </Layout>
  );
}
