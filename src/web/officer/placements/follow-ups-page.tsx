import { todayInPilotZone } from '../../../kernel/clock';
import type { Page } from '../../../kernel/pagination';
import type { FollowUpTaskDto } from '../../../placements/dto/follow-up.dto';
import { Form, type FormErrors, type FormValues } from '../../components/form';
import { ItemList } from '../../components/item-list';
import { useWeb } from '../../render';
import { OfficerPage, Pager, SitePicker, type SiteOption } from '../officer-layout';
import { siteListHref, TotalCount } from '../officer-lists';
import { KindLabel } from './kind-label';

/** `/officer/follow-ups`: due follow-ups, the most overdue first, each with a record form. */
export function FollowUpsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  list: Page<FollowUpTaskDto>;
  failed?: { taskId: string; errors: FormErrors; values: FormValues };
}) {
  const { t } = useWeb();
  const { list, siteId } = props;
  const today = todayInPilotZone();
  return (
    <OfficerPage title="officer.followUps.title">
      <SitePicker action="/officer/follow-ups" sites={props.sites} current={siteId} allowAll />
      <TotalCount n={list.total} />
      <ItemList items={list.items} class="queue" empty={t('officer.followUps.none')}>
        {(task) => {
          const f = props.failed?.taskId === task.id ? props.failed : undefined;
          const v = f?.values ?? {};
          const id = (n: string) => `${n}-${task.id}`;
          return (
            <li key={task.id} class={task.dueDate < today ? 'at-risk' : undefined}>
              <h2 class="item-title">
                <a href={`/officer/residents/${task.residentId}`}>{task.residentName}</a>
              </h2>
              <p>
                {t('officer.followUps.due', { month: task.dueMonth, date: task.dueDate })} ·{' '}
                <KindLabel kind={task.kind} /> · {task.employerName ?? '—'}
              </p>
              <details open={!!f}>
                <summary>{t('officer.followUps.record')}</summary>
                <Form
                  action={`/officer/placements/${task.placementId}/follow-up`}
                  label={t('officer.followUps.record')}
                >
                  <input type="hidden" name="taskId" value={task.id} />
                  <div class={f?.errors.date ? 'field invalid' : 'field'}>
                    <label for={id('date')}>{t('officer.followUps.date')}</label>
                    <input id={id('date')} type="date" name="date" value={v.date ?? today} required />
                  </div>
                  <fieldset class="field">
                    <legend>{t('officer.followUps.stillEmployed')}</legend>
                    <label class="choice">
                      <input
                        type="radio"
                        name="stillEmployed"
                        value="true"
                        checked={v.stillEmployed !== 'false'}
                      />
                      <span>{t('officer.yes')}</span>
                    </label>
                    <label class="choice">
                      <input
                        type="radio"
                        name="stillEmployed"
                        value="false"
                        checked={v.stillEmployed === 'false'}
                      />
                      <span>{t('officer.no')}</span>
                    </label>
                  </fieldset>
                  <div class={f?.errors.monthlyIncome ? 'field invalid' : 'field'}>
                    <label for={id('income')}>{t('officer.followUps.income')}</label>
                    <input
                      id={id('income')}
                      name="monthlyIncome"
                      inputMode="decimal"
                      value={v.monthlyIncome ?? ''}
                      aria-invalid={f?.errors.monthlyIncome ? 'true' : undefined}
                    />
                  </div>
                  <div class="field">
                    <label for={id('note')}>{t('officer.followUps.note')}</label>
                    <input id={id('note')} name="note" maxLength={500} value={v.note ?? ''} />
                  </div>
                  {f && (
                    <p class="field-error" role="alert">
                      {t('form.fixErrors')}
                    </p>
                  )}
                  <button type="submit" class="button primary">
                    {t('officer.followUps.save')}
                  </button>
                </Form>
              </details>
            </li>
          );
        }}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={siteListHref('/officer/follow-ups', siteId)}
      />
    </OfficerPage>
  );
}
