import type { PostingDto } from '../../postings/dto/posting.dto';
import { isEditable } from '../../postings/posting-lifecycle';
import { ActionButton, ErrorBanner } from '../components/form';
import { ItemList } from '../components/item-list';
import { wageText } from '../components/job-card';
import { Layout } from '../components/layout';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';
import { IndustryTag } from '../components/industry-tag';

const STATUS_TEXT: Record<PostingDto['status'], MessageKey> = {
  draft: 'employer.postings.status.draft',
  open: 'employer.postings.status.open',
  filled: 'employer.postings.status.filled',
  closed: 'employer.postings.status.closed',
  expired: 'employer.postings.status.expired',
};

export function PostingsListPage({
  postings,
  notice,
  error,
}: {
  postings: PostingDto[];
  notice?: string;
  error?: string;
}) {
  const { t } = useWeb();
  return (
    <Layout title={t('employer.postings.title')} notice={notice}>
      <h1>{t('employer.postings.title')}</h1>
      {error && <ErrorBanner text={error} />}
      <p>
        <a class="button primary" href="/employer/postings/new">
          {t('employer.newPosting')}
        </a>
      </p>
      <ItemList items={postings} class="cards" empty={t('employer.postings.none')}>
        {(p) => (
          <li class="card" key={p.id}>
            <p class="kicker">
              <IndustryTag industry={p.industry} />
            </p>
            <h2 class="h3">
              <a href={`/jobs/${p.id}`}>{p.title}</a>
            </h2>
            <p class={`status status-${p.status}`}>{t(STATUS_TEXT[p.status])}</p>
            <p class="wage">{wageText(t, p.wageMin, p.wageMax, p.wageUnit)}</p>
            <p class="muted">{t('jobs.posting.headcountN', { n: p.headcount, hired: p.hiredCount })}</p>
            <div class="actions">
              {isEditable(p.status) && (
                <a class="button" href={`/employer/postings/${p.id}/edit`}>
                  {t('employer.postings.edit')}
                </a>
              )}
              <a class="button" href={`/employer/postings/${p.id}/applicants`}>
                {t('employer.postings.applicants')}
              </a>
              <a class="button" href={`/employer/postings/${p.id}/candidates`}>
                {t('employer.postings.candidates')}
              </a>
              {p.status === 'draft' && (
                <ActionButton
                  action={`/employer/postings/${p.id}/publish`}
                  text={t('employer.postings.publish')}
                  primary
                />
              )}
              {p.status === 'open' && (
                <ActionButton
                  action={`/employer/postings/${p.id}/close`}
                  text={t('employer.postings.close')}
                />
              )}
            </div>
          </li>
        )}
      </ItemList>
    </Layout>
  );
}
