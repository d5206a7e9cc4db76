import type { ComponentChildren } from 'preact';
import { isFinal } from '../../applications/application-status';
import type { ApplicationDto } from '../../applications/dto/application.dto';
import { formatDate, formatDateTime } from '../../common/clock';
import { INDUSTRIES, SCHEDULES } from '../../common/domain-enums';
import type { RecommendedCourseDto } from '../../matching/dto/match.dto';
import type { NotificationDto } from '../../notifications/dto/notification.dto';
import type { ResidentDto } from '../../residents/dto/resident.dto';
import type { SkillDto } from '../../skills/skill.dto';
import { ErrorSummary, Form, type FormErrors, type FormValues, TextField } from '../components/form';
import { type DoneMessages, useDoneNotice } from '../components/done-notice';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { JobItem, Pager, type JobItemView } from './job-item';
import { notificationHref } from './notification-link';
import { INDUSTRY_ICON, industryLabel, levelLabel, scheduleLabel, statusLabel } from '../components/labels';

/** A resident account without a resident record (not linked yet): say whom to ask. */
export function NoRecordPage({
  title,
}: {
  title: 'resident.forMe.title' | 'resident.apps.title' | 'resident.profile.title';
}) {
  const { t } = useWeb();
  return (
    <Layout title={t(title)}>
      <h1>{t(title)}</h1>
      <p class="empty">{t('resident.noRecord')}</p>
      <p>
        <a href="/account/link">{t('register.link.prompt')}</a>
      </p>
    </Layout>
  );
}

export interface RecommendationsPageProps {
  jobs: { job: JobItemView; reason: string }[];
  courses: RecommendedCourseDto[];
}

/** GET /my/recommendations: jobs for you, each with its reason; courses that open more jobs. */
export function RecommendationsPage({ jobs, courses }: RecommendationsPageProps) {
  const { t } = useWeb();
  return (
    <Layout title={t('resident.forMe.title')}>
      <h1>{t('resident.forMe.title')}</h1>
      <p>{t('resident.forMe.intro')}</p>
      <h2>{t('resident.forMe.jobs')}</h2>
      {jobs.length ? (
        <ul class="cards">
          {jobs.map(({ job, reason }) => (
            <JobItem key={job.id} job={job} reason={reason} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t('resident.forMe.none')}</p>
      )}
      <h2>{t('resident.forMe.courses')}</h2>
      {courses.length ? (
        <ul class="cards">
          {courses.map((c) => (
            <li class="card" key={c.courseId}>
              <h3>
                <span class="ico" aria-hidden="true">
                  📘
                </span>
                {c.title}
              </h3>
              <p class="reason">{c.reason}</p>
              <p class="muted">{t('resident.forMe.courseStarts', { date: c.startDate })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('resident.forMe.noCourses')}</p>
      )}
    </Layout>
  );
}

export interface ApplicationsPageProps {
  items: ApplicationDto[];
  page: number;
  pageSize: number;
  total: number;
}

/** The confirmations of 我的报名's actions (`?done=`, components/done-notice.ts). */
export const RESIDENT_APPS_DONE: DoneMessages = {
  withdrawn: 'resident.apps.withdrawn',
  refused: 'resident.apps.cannotWithdraw',
  accepted: 'resident.apps.accepted',
  declined: 'resident.apps.declined',
  unanswerable: 'resident.apps.cannotAnswer',
};

/**
 * GET /my/applications: each application's status in plain words, and a withdraw button; an
 * invitation has 接受 / 不了 instead (plain forms: they work without JavaScript).
 */
export function ApplicationsPage({ items, page, pageSize, total }: ApplicationsPageProps) {
  const { t } = useWeb();
  const notice = useDoneNotice(RESIDENT_APPS_DONE);
  return (
    <Layout title={t('resident.apps.title')} notice={notice}>
      <h1>{t('resident.apps.title')}</h1>
      {items.length ? (
        <ul class="cards">
          {items.map((a) => (
            <li class="card" key={a.id}>
              <h2 class="h3">
                <a href={`/jobs/${a.postingId}`}>{a.postingTitle}</a>
              </h2>
              <p class={`status status-${a.status}`}>{t(statusLabel(a.status))}</p>
              <p class="muted">{t('resident.apps.since', { date: formatDate(a.createdAt) })}</p>
              {a.status === 'invited' ? (
                <>
                  <p>{t('resident.apps.invitation')}</p>
                  <div class="actions">
                    <Form action={`/my/applications/${a.id}/accept`}>
                      <button type="submit" class="button primary">
                        {t('resident.apps.accept')}
                      </button>
                    </Form>
                    <Form action={`/my/applications/${a.id}/decline`}>
                      <button type="submit" class="button">
                        {t('resident.apps.decline')}
                      </button>
                    </Form>
                  </div>
                </>
              ) : (
                !isFinal(a.status) && (
                  // Asks first, without JavaScript: the real withdraw is the second tap.
                  <details class="confirm">
                    <summary class="button">{t('resident.apps.withdraw')}</summary>
                    <p>{t('resident.apps.withdrawAsk', { title: a.postingTitle })}</p>
                    <Form action={`/my/applications/${a.id}/withdraw`}>
                      <button type="submit" class="button danger">
                        {t('resident.apps.withdrawConfirm')}
                      </button>
                    </Form>
                    <p class="muted">{t('resident.apps.withdrawKeep')}</p>
                  </details>
                )
              )}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p class="empty">{t('resident.apps.none')}</p>
          <p>
            <a class="button primary" href="/jobs">
              {t('resident.apps.findJobs')}
            </a>
          </p>
        </>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => `/my/applications?page=${n}`} />
    </Layout>
  );
}

export interface ProfilePageProps {
  resident: ResidentDto;
  /** Skill names by code. */
  skillNames: Map<string, string>;
  skillQuery: string;
  found: SkillDto[] | null;
  values?: FormValues;
  /** What a refused submission ticked: shown instead of the saved choices, so nothing is lost. */
  ticked?: ProfileTicks;
  errors?: FormErrors;
  notice?: string;
}

/** The profile's confirmations (`?done=`); a skill added or removed names the skill instead. */
const PROFILE_DONE: DoneMessages = { saved: 'resident.profile.saved' };

/** The profile form's checkboxes as submitted. */
export interface ProfileTicks {
  industries: string[];
  schedules: string[];
  willingToWorkAway: boolean;
  consentToShare: boolean;
  jobAlerts: boolean;
}

function Check(props: { name: string; value: string; checked: boolean; children: ComponentChildren }) {
  return (
    <label class="choice">
      <input type="checkbox" name={props.name} value={props.value} checked={props.checked} />
      <span>{props.children}</span>
    </label>
  );
}

/**
 * GET /my/profile: preferences (a POST form) and skills. Skills are picked, not typed: a GET
 * search (`?skillq=`, by name, synonym or pinyin) lists matches, each with its own add button.
 */
export function ProfilePage(props: ProfilePageProps) {
  const { t } = useWeb();
  const r = props.resident;
  const pref = r.preferences;
  const values: FormValues = props.values ?? {
    wageMin: pref.wageMin != null ? String(pref.wageMin) : '',
    maxCommuteMinutes: pref.maxCommuteMinutes != null ? String(pref.maxCommuteMinutes) : '',
  };
  const errors = props.errors ?? {};
  const ticks: ProfileTicks = props.ticked ?? {
    industries: pref.industries,
    schedules: pref.schedules,
    willingToWorkAway: pref.willingToWorkAway,
    consentToShare: r.consentToShare,
    jobAlerts: r.jobAlerts,
  };
  const savedNotice = useDoneNotice(PROFILE_DONE);
  const held = new Set(r.skills.map((s) => s.code));
  return (
    <Layout title={t('resident.profile.title')} notice={props.notice ?? savedNotice}>
      <h1>{t('resident.profile.title')}</h1>

      <h2 id="skills">{t('resident.profile.skills')}</h2>
      {r.skills.length ? (
        <ul class="cards">
          {r.skills.map((s) => {
            const name = props.skillNames.get(s.code) ?? s.code;
            return (
              <li class="card row" key={s.code}>
                <span>
                  <strong>{name}</strong> · {t(levelLabel(s.level))}
                  {s.source === 'officer' && ` · ${t('resident.profile.fromOfficer')}`}
                  {s.source === 'training' && ` · ${t('resident.profile.fromTraining')}`}
                </span>
                {s.source === 'self' && (
                  <Form action="/my/profile/skills/remove" class="inline">
                    <input type="hidden" name="code" value={s.code} />
                    <button
                      type="submit"
                      class="button small"
                      aria-label={t('resident.profile.remove', { name })}
                    >
                      ✕
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty">{t('resident.profile.noSkills')}</p>
      )}

      <form method="get" action="/my/profile#skill-results" role="search" class="stack search">
        <TextField
          name="skillq"
          type="search"
          label={t('resident.profile.skillSearch')}
          hint={t('resident.profile.skillSearchHint')}
          maxLength={50}
          values={{ skillq: props.skillQuery }}
        />
        <button type="submit" class="button">
          {t('resident.profile.skillFind')}
        </button>
      </form>
      {props.found && (
        <div id="skill-results">
          {props.found.length ? (
            <ul class="cards">
              {props.found.map((s) => (
                <li class="card" key={s.code}>
                  <Form action="/my/profile/skills" class="skill-add">
                    <input type="hidden" name="code" value={s.code} />
                    <input type="hidden" name="skillq" value={props.skillQuery} />
                    <p>
                      <strong>{s.nameZh}</strong>
                      {s.synonyms.length > 0 && (
                        <span class="muted">（{s.synonyms.slice(0, 3).join('、')}）</span>
                      )}
                      {held.has(s.code) && ' ✓'}
                    </p>
                    <div class="field">
                      <label for={`lv-${s.code}`}>{t('resident.profile.level')}</label>
                      <select id={`lv-${s.code}`} name="level">
                        {[1, 2, 3, 4].map((n) => (
                          <option key={n} value={String(n)}>
                            {t(levelLabel(n))}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" class="button primary">
                      {t('resident.profile.add', { name: s.nameZh })}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('resident.profile.noSkillFound')}</p>
          )}
        </div>
      )}

      <h2>{t('resident.profile.prefs')}</h2>
      <Form action="/my/profile" class="stack" label={t('resident.profile.prefs')}>
        <ErrorSummary errors={errors} />
        <fieldset class="field">
          <legend>{t('resident.profile.industries')}</legend>
          <div class="checks">
            {INDUSTRIES.map((i) => (
              <Check key={i} name="industries" value={i} checked={ticks.industries.includes(i)}>
                <span aria-hidden="true">{INDUSTRY_ICON[i]} </span>
                {t(industryLabel(i))}
              </Check>
            ))}
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{t('resident.profile.schedules')}</legend>
          <div class="checks">
            {SCHEDULES.map((s) => (
              <Check key={s} name="schedules" value={s} checked={ticks.schedules.includes(s)}>
                {t(scheduleLabel(s))}
              </Check>
            ))}
          </div>
        </fieldset>
        <TextField
          name="wageMin"
          type="number"
          inputMode="numeric"
          label={t('resident.profile.wageMin')}
          values={values}
          errors={errors}
        />
        {/* People decide on minutes (issue 16); a limit saved in km by an older form still counts. */}
        <TextField
          name="maxCommuteMinutes"
          type="number"
          inputMode="numeric"
          label={t('resident.profile.maxCommute')}
          hint={
            pref.maxCommuteMinutes == null && pref.maxCommuteKm != null
              ? t('resident.profile.maxCommute.km', { km: pref.maxCommuteKm })
              : undefined
          }
          values={values}
          errors={errors}
        />
        <Check name="willingToWorkAway" value="1" checked={ticks.willingToWorkAway}>
          {t('resident.profile.away')}
        </Check>
        <Check name="consentToShare" value="1" checked={ticks.consentToShare}>
          {t('resident.profile.consent')}
        </Check>
        <Check name="jobAlerts" value="1" checked={ticks.jobAlerts}>
          {t('resident.profile.alerts')}
        </Check>
        <button type="submit" class="button primary">
          {t('resident.profile.save')}
        </button>
      </Form>

      <h2>{t('resident.profile.more')}</h2>
      <p>
        <a href="/account">{t('resident.profile.account')}</a>
      </p>
    </Layout>
  );
}

export interface NotificationsPageProps {
  items: NotificationDto[];
  page: number;
  pageSize: number;
  total: number;
}

/** GET /my/notifications: newest first; unread ones marked, each with a mark-read button. */
export function NotificationsPage({ items, page, pageSize, total }: NotificationsPageProps) {
  const { t } = useWeb();
  const unread = items.some((n) => !n.readAt);
  return (
    <Layout title={t('resident.notes.title')}>
      <h1>{t('resident.notes.title')}</h1>
      {unread && (
        <Form action="/my/notifications/read-all">
          <button type="submit" class="button">
            {t('resident.notes.markAll')}
          </button>
        </Form>
      )}
      {items.length ? (
        <ul class="cards">
          {items.map((n) => (
            <li class={n.readAt ? 'card' : 'card unread'} key={n.id}>
              <h2 class="h3">
                {!n.readAt && <span class="badge">{t('resident.notes.unread')}</span>} {n.title}
              </h2>
              <p class="description">{n.body}</p>
              <p class="muted">{formatDateTime(n.createdAt)}</p>
              {notificationHref(n) && (
                <p>
                  <a
                    class="button"
                    href={notificationHref(n)!}
                    aria-label={`${t('resident.notes.open')}：${n.title}`}
                  >
                    {t('resident.notes.open')}
                  </a>
                </p>
              )}
              {!n.readAt && (
                <Form action={`/my/notifications/${n.id}/read`}>
                  <button type="submit" class="button small">
                    {t('resident.notes.markRead')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('resident.notes.none')}</p>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => `/my/notifications?page=${n}`} />
    </Layout>
  );
}
