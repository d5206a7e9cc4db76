import type { Page } from '../../../kernel/pagination';
import type { EmployerDto } from '../../../employers/dto/employer.dto';
import { ActionButton, ErrorBanner, Form } from '../../components/form';
import { ItemList } from '../../components/item-list';
import { useWeb } from '../../render';
import { OfficerPage, Pager } from '../officer-layout';
import { TotalCount } from '../officer-lists';

/** `/officer/employers`: employers in the officer's area waiting for verification. */
export function EmployersPage(props: {
  list: Page<EmployerDto>;
  notice?: string;
  /** The employer whose refusal had no usable reason. */
  errorFor?: string;
}) {
  const { t } = useWeb();
  const { list } = props;
  return (
    <OfficerPage title="officer.employers.title" notice={props.notice}>
      <p class="lead">{t('officer.employers.intro')}</p>
      <TotalCount n={list.total} />
      <ItemList items={list.items} class="queue" empty={t('officer.employers.none')}>
        {(e) => (
          <li key={e.id}>
            <h2 class="item-title">{e.name}</h2>
            <p class="mono">{e.creditCode}</p>
            <p>{e.address}</p>
            <ActionButton
              action={`/officer/employers/${e.id}/verify`}
              text={t('officer.employers.verify')}
              label={t('officer.employers.verify')}
              primary
            />
            <Form action={`/officer/employers/${e.id}/reject`} label={t('officer.employers.reject')}>
              {props.errorFor === e.id && <ErrorBanner text={t('officer.employers.reasonRequired')} />}
              <div class="field">
                <label for={`reason-${e.id}`}>{t('officer.employers.reason')}</label>
                <textarea id={`reason-${e.id}`} name="reason" maxLength={500} required />
              </div>
              <button type="submit" class="button">
                {t('officer.employers.reject')}
              </button>
            </Form>
          </li>
        )}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={(p) => `/officer/employers?page=${p}`}
      />
    </OfficerPage>
  );
}
