import { formatDate, formatTime } from '../../kernel/clock';
import type { CourseDto } from '../../training/dto/course.dto';
import type { EnrollmentDto } from '../../training/dto/enrollment.dto';
import {
  ActionButton,
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  TextField,
} from '../components/form';
import { ItemList } from '../components/item-list';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import type { ProviderKey } from '../../i18n/web/provider-messages';

const STATUS: Record<string, ProviderKey> = {
  enrolled: 'provider.status.enrolled',
  attending: 'provider.status.attending',
  completed: 'provider.status.completed',
  dropped: 'provider.status.dropped',
};

export interface CoursePageProps {
  course: CourseDto;
  enrollments: (EnrollmentDto & { residentName?: string | null })[];
  notice?: string;
  error?: string;
  /** The session form after a validation error. */
  session?: { values: FormValues; errors: FormErrors };
}

/** One course: its facts, its sessions (with a form to add one), and its trainees with their steps. */
export function CoursePage({ course: c, enrollments, notice, error, session }: CoursePageProps) {
  const { t } = useWeb();
  const sv = session?.values ?? {};
  const se = session?.errors ?? {};
  return (
    <Layout title={c.title} notice={notice}>
      <p>
        <a href="/provider">← {t('provider.form.back')}</a>
      </p>
      <h1>{c.title}</h1>
      {error && (
        <div class="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <ul class="facts">
        <li>{t('provider.courses.dates', { start: c.startDate, end: c.endDate })}</li>
        <li>{c.address}</li>
        <li>{t('provider.courses.seats', { enrolled: c.enrolledCount, capacity: c.capacity })}</li>
        <li>
          {c.skills
            .map((s) => `${s.nameZh ?? s.code} · ${t(`skillLevel.${s.level}` as 'skillLevel.1')}`)
            .join('，')}
        </li>
        {c.subsidized && <li class="yes">{c.subsidyNote ?? t('provider.courses.subsidized')}</li>}
        {c.status === 'cancelled' && <li class="warning">{t('provider.courses.cancelled')}</li>}
      </ul>
      <p>
        <a class="button" href={`/provider/courses/${c.id}/edit`}>
          {t('provider.course.edit')}
        </a>
      </p>

      <h2>{t('provider.course.enrollments')}</h2>
      <ItemList
        items={enrollments}
        class="cards"
        empty={t('provider.course.noEnrollments')}
        id="enrollment-list"
      >
        {(e) => (
          <li class="card" key={e.id} id={`enrollment-${e.id}`}>
            <h3 class="h3">{e.residentName ?? '—'}</h3>
            <p>
              <span class="status">{t(STATUS[e.status] ?? 'provider.status.enrolled')}</span>{' '}
              <span class="muted">
                {e.completedAt
                  ? t('provider.course.completedOn', { date: formatDate(e.completedAt) })
                  : t('provider.course.enrolledOn', { date: formatDate(e.createdAt) })}
              </span>
            </p>
            {(e.status === 'enrolled' || e.status === 'attending') && c.status === 'open' && (
              <p class="actions">
                {e.status === 'enrolled' && (
                  <ActionButton
                    action={`/provider/enrollments/${e.id}/attend`}
                    text={t('provider.course.attend')}
                    hidden={{ courseId: c.id }}
                    label={`${t('provider.course.attend')}：${e.residentName ?? ''}`}
                  />
                )}
                <ActionButton
                  action={`/provider/enrollments/${e.id}/complete`}
                  text={t('provider.course.complete')}
                  hidden={{ courseId: c.id }}
                  primary
                  label={`${t('provider.course.complete')}：${e.residentName ?? ''}`}
                />
              </p>
            )}
          </li>
        )}
      </ItemList>

      <h2>{t('provider.course.sessions')}</h2>
      <ItemList
        items={c.sessions ?? []}
        class="cards"
        empty={t('provider.course.noSessions')}
        id="session-list"
      >
        {(s) => (
          <li class="card" key={s.id}>
            <p>
              <strong>{formatDate(s.startsAt)}</strong> {formatTime(s.startsAt)}–{formatTime(s.endsAt)}
            </p>
            <p class="muted">{s.place ?? c.address}</p>
          </li>
        )}
      </ItemList>
      <h3 class="h3">{t('provider.course.addSession')}</h3>
      <ErrorSummary errors={se} />
      <Form action={`/provider/courses/${c.id}/sessions`} label={t('provider.course.addSession')}>
        <TextField
          name="date"
          type="date"
          label={t('provider.course.sessionDate')}
          required
          values={sv}
          errors={se}
        />
        <div class="pair">
          <div class={se.start ? 'field invalid' : 'field'}>
            <label for="f-start">{t('provider.course.sessionStart')}</label>
            <input id="f-start" name="start" type="time" value={sv.start ?? '08:30'} required />
          </div>
          <div class={se.start ? 'field invalid' : 'field'}>
            <label for="f-end">{t('provider.course.sessionEnd')}</label>
            <input id="f-end" name="end" type="time" value={sv.end ?? '11:30'} required />
          </div>
        </div>
        <TextField
          name="place"
          label={t('provider.course.sessionPlace')}
          maxLength={200}
          values={sv}
          errors={se}
        />
        <button type="submit" class="button primary">
          {t('provider.course.addSession')}
        </button>
      </Form>
    </Layout>
  );
}
