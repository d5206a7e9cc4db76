import { canTransition, type ApplicationStatus } from '../../applications/application-status';
import type { ApplicationDto } from '../../applications/dto/application.dto';
import type { PostingDto } from '../../postings/dto/posting.dto';
import { ActionButton, ErrorBanner } from '../components/form';
import { ItemList } from '../components/item-list';
import type { MessageKey } from '../../i18n/web/messages';
import { statusKey } from '../../i18n/status-vocabulary';
import { useWeb } from '../render';
import { PostingSubpage } from './posting-subpage';

const PIPELINE: ApplicationStatus[] = ['viewed', 'interview', 'offered', 'hired', 'rejected'];

/** The employer's words for its applicant's status (status-vocabulary.ts). */
function applicantStatusLabel(s: ApplicationStatus): MessageKey {
  return statusKey('employer', s);
}

export function ApplicantsPage(props: {
  posting: PostingDto;
  items: ApplicationDto[];
  notice?: string;
  error?: string;
}) {
  const { t } = useWeb();
  return (
    <PostingSubpage
      title={t('employer.applicants.title', { title: props.posting.title })}
      notice={props.notice}
    >
      {props.error && <ErrorBanner text={props.error} />}
      <ItemList items={props.items} class="cards" empty={t('employer.applicants.none')}>
        {(a) => (
          <li class="card" key={a.id}>
            <h2 class="h3">{a.applicant?.name ?? ''}</h2>
            {a.applicant?.phone && <p>{t('employer.applicants.phone', { phone: a.applicant.phone })}</p>}
            {a.status === 'invited' && <p class="muted">{t('employer.applicants.masked')}</p>}
            <p class="muted">{t(`employer.applicants.source.${a.source}`)}</p>
            <p class={`status status-${a.status}`}>{t(applicantStatusLabel(a.status))}</p>
            <div class="actions">
              {PIPELINE.filter((to) => canTransition('employer', a.status, to)).map((to) => (
                <ActionButton
                  key={to}
                  action={`/employer/postings/${props.posting.id}/applicants/${a.id}`}
                  hidden={{ status: to }}
                  text={t(`employer.applicants.to.${to}` as MessageKey)}
                  primary={to !== 'rejected'}
                />
              ))}
            </div>
          </li>
        )}
      </ItemList>
    </PostingSubpage>
  );
}
