import {
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  RadioField,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form';
import { Layout } from '../components/layout';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';

export interface SiteChoice {
  id: string;
  name: string;
  regionName?: string | null;
}

export interface RegisterPageProps {
  sites: SiteChoice[];
  values?: FormValues;
  errors?: FormErrors;
  message?: MessageKey;
}

export function RegisterPage({
  sites,
  values = { role: 'resident' },
  errors = {},
  message,
}: RegisterPageProps) {
  const { t } = useWeb();
  return (
    <Layout title={t('register.title')}>
      <h1>{t('register.title')}</h1>
      <Form action="/register" class="stack">
        <ErrorSummary errors={errors} message={message} />
        <RadioField
          name="role"
          label={t('field.role')}
          required
          options={[
            { value: 'resident', label: t('field.role.resident') },
            { value: 'employer', label: t('field.role.employer') },
          ]}
          values={values}
          errors={errors}
        />
        <TextField
          name="name"
          label={t('field.name')}
          autocomplete="name"
          maxLength={100}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('field.phone')}
          hint={t('field.phone.hint')}
          inputMode="numeric"
          autocomplete="tel"
          maxLength={11}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          label={t('field.password')}
          hint={t('field.password.hint')}
          autocomplete="new-password"
          required
          values={values}
          errors={errors}
        />
        <div class="for-resident">
          <SelectField
            name="siteId"
            label={t('field.site')}
            placeholder={t('field.site.choose')}
            options={sites.map((s) => ({
              value: s.id,
              label: s.regionName ? `${s.name}（${s.regionName}）` : s.name,
            }))}
            values={values}
            errors={errors}
          />
          <TextField
            name="nationalId"
            label={t('field.nationalId')}
            hint={t('field.nationalId.hint')}
            maxLength={18}
            autocomplete="off"
            values={values}
            errors={errors}
          />
        </div>
        <SubmitButton>{t('register.submit')}</SubmitButton>
      </Form>
      <p>
        {t('register.haveAccount')} <a href="/login">{t('register.loginLink')}</a>
      </p>
    </Layout>
  );
}

export interface RegisterCodePageProps {
  /** The phone the code went to (a hidden field; shown masked). */
  phone: string;
  phoneMasked: string;
  /** Binds the code to this registration (see RegistrationService.start). */
  ticket: string;
  errors?: FormErrors;
  message?: MessageKey;
}

/** Step two: the SMS code. A plain form, so it works without JavaScript. */
export function RegisterCodePage({
  phone,
  phoneMasked,
  ticket,
  errors = {},
  message,
}: RegisterCodePageProps) {
  const { t } = useWeb();
  return (
    <Layout title={t('register.codeTitle')}>
      <h1>{t('register.codeTitle')}</h1>
      <p>{t('register.codeSent', { phone: phoneMasked })}</p>
      <Form action="/register/verify" class="stack">
        <ErrorSummary errors={errors} message={message} />
        <input type="hidden" name="phone" value={phone} />
        <input type="hidden" name="ticket" value={ticket} />
        <TextField
          name="code"
          label={t('field.code')}
          hint={t('field.code.hint')}
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={6}
          required
          values={{}}
          errors={errors}
        />
        <SubmitButton>{t('register.codeSubmit')}</SubmitButton>
      </Form>
      <p>
        <a href="/register">{t('register.again')}</a>
      </p>
    </Layout>
  );
}
