import {
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  SubmitButton,
  TextField,
} from '../components/form';
import { Layout } from '../components/layout';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';

export interface LoginPageProps {
  values?: FormValues;
  errors?: FormErrors;
  /** A message for the whole form (wrong password, rate limited). */
  message?: MessageKey;
  /** Where to go after signing in. */
  next?: string;
  notice?: string;
}

export function LoginPage({ values = {}, errors = {}, message, next, notice }: LoginPageProps) {
  const { t } = useWeb();
  return (
    <Layout title={t('login.title')} notice={notice}>
      <h1>{t('login.title')}</h1>
      <Form action="/login" class="stack">
        <ErrorSummary errors={errors} message={message} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          name="phone"
          type="tel"
          label={t('field.phone')}
          hint={t('field.phone.hint')}
          inputMode="numeric"
          autocomplete="username"
          maxLength={11}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          label={t('field.password')}
          autocomplete="current-password"
          required
          values={values}
          errors={errors}
        />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </Form>
      <p>
        {t('login.noAccount')} <a href="/register">{t('login.registerLink')}</a>
      </p>
    </Layout>
  );
}
