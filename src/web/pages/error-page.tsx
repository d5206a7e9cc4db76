import { Layout } from '../components/layout';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';

export type ErrorStatus = 400 | 403 | 404 | 429 | 500 | 503;

const TEXT: Record<ErrorStatus, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.400.title', body: 'error.400.body' },
  403: { title: 'error.403.title', body: 'error.403.body' },
  404: { title: 'error.404.title', body: 'error.404.body' },
  429: { title: 'rateLimited.title', body: 'rateLimited.body' },
  500: { title: 'error.500.title', body: 'error.500.body' },
  503: { title: 'error.503.title', body: 'error.503.body' },
};

/** An error in the layout (404, 403, CSRF, 500 …). `body` overrides the default text. */
export function ErrorPage({
  status,
  body,
  retryAfterSeconds,
}: {
  status: ErrorStatus;
  body?: MessageKey;
  retryAfterSeconds?: number;
}) {
  const { t, requestId } = useWeb();
  const text = TEXT[status];
  const title = t(text.title);
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>
        {t(body ?? text.body, {
          requestId,
          minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)),
        })}
      </p>
      <p>
        <a class="button" href="/">
          {t('error.backHome')}
        </a>
      </p>
    </Layout>
  );
}
