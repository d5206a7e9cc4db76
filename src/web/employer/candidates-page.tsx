import type { EmployerMatchDto } from '../../matching/dto/match.dto';
import type { PostingDto } from '../../postings/dto/posting.dto';
import { ActionButton } from '../components/form';
import { ItemList } from '../components/item-list';
import { useWeb } from '../render';
import { PostingSubpage } from './posting-subpage';

export function CandidatesPage(props: { posting: PostingDto; items: EmployerMatchDto[]; notice?: string }) {
  const { t } = useWeb();
  return (
    <PostingSubpage
      title={t('employer.candidates.title', { title: props.posting.title })}
      notice={props.notice}
    >
      <p>{t('employer.candidates.intro')}</p>
      <ItemList items={props.items} class="cards" empty={t('employer.candidates.none')}>
        {(m) => (
          <li class="card" key={m.matchId}>
            <h2 class="h3">{m.displayName}</h2>
            <p class="wage">{t('employer.candidates.score', { score: Math.round(m.score) })}</p>
            <p class="reason">{m.reason}</p>
            {props.posting.status === 'open' && (
              <ActionButton
                action={`/employer/postings/${props.posting.id}/candidates/${m.residentId}/invite`}
                text={t('employer.candidates.invite')}
                primary
              />
            )}
          </li>
        )}
      </ItemList>
    </PostingSubpage>
  );
}
