import { ErrorSummary, Form, type FormErrors, SubmitButton, TextField } from '../components/form';
import { Layout } from '../components/layout';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';

/**
 * GET /account/link: a resident account not linked to its roster record enters the code that was
 * sent to the roster's phone (issue 12, finding 1). Without that code an officer links it.
 */
export function ResidentLinkPage({ errors = {}, message }: { errors?: FormErrors; message?: MessageKey }) {
  const { t } = useWeb();
  return (
    <Layout title={t('register.link.title')}>
      <h1>{t('register.link.title')}</h1>
      <p>{t('register.link.intro')}</p>
      <Form action="/account/link" class="stack">
        <ErrorSummary errors={errors} message={message} />
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
        <SubmitButton>{t('register.link.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
