import type { ApplicationStatus } from '../../applications/application-status';
import type { PostingDto } from '../../postings/dto/posting.dto';
import { wageText } from '../components/job-card';
import { Form } from '../components/form';
import { travelWords, type TravelView } from '../components/travel-line';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { IndustryTag } from '../components/industry-tag';
import { monthlyText } from './job-item';
import { levelLabel, scheduleHours, scheduleLabel, statusLabel } from '../components/labels';

export interface PostingPageProps {
  posting: PostingDto;
  /** km from the resident's site, when known. */
  distanceKm?: number | null;
  /** The planner's best trip from that site (travelFields), when there is a site. */
  travel?: TravelView | null;
  /** The resident's own application to this posting, if any. */
  applied?: ApplicationStatus | null;
  /** No live application, but an earlier one was withdrawn or declined: say so, offer 我要报名. */
  before?: ApplicationStatus | null;
  /** A visitor's chosen site (the distance row names it). */
  siteName?: string;
  /** Just applied (after the POST). */
  justApplied?: boolean;
  /** Why applying failed (a sentence). */
  error?: string;
}

/**
 * 「从您的安置点过去」: the band and the way (「1 小时以上 · 公交约 70 分钟，末班 18:00」), the first
 * trip's time when recorded, and the straight line as a footnote for a located workplace.
 */
function TravelRow(props: {
  p: PostingDto;
  travel: TravelView;
  distanceKm?: number | null;
  siteName?: string;
}) {
  const { t, lang } = useWeb();
  const { p, travel, distanceKm, siteName } = props;
  const words = travelWords(
    lang,
    { ...travel, distanceKm, locationApproximate: p.locationApproximate },
    (km) => t('jobs.posting.kmAbout', { km: String(km) }),
  );
  if (!words) return null;
  return (
    <>
      <dt>{siteName ? t('jobs.posting.travelFrom', { site: siteName }) : t('jobs.posting.travel')}</dt>
      <dd class="travel">
        {words.band && (
          <>
            <strong>{words.band}</strong>
            {' · '}
          </>
        )}
        {words.way}
        {(travel.travelFirstDeparture || (!p.locationApproximate && distanceKm != null)) && (
          <>
            <br />
            <span class="muted">
              {[
                travel.travelFirstDeparture &&
                  t('jobs.posting.firstDeparture', { time: travel.travelFirstDeparture }),
                !p.locationApproximate &&
                  distanceKm != null &&
                  t('jobs.posting.straightLine', { km: distanceKm.toFixed(1) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </>
        )}
      </dd>
    </>
  );
}

/**
 * GET /jobs/:id: everything a person needs to decide, in plain words — wage, hours, distance,
 * shuttle, housing, meals, skills, employer — and one big apply button (a POST form with CSRF).
 * The description is the employer's text and is only ever shown as text.
 */
export function PostingPage(props: PostingPageProps) {
  const { posting: p, distanceKm, applied, before, justApplied, error, siteName, travel } = props;
  const { t, user, url } = useWeb();
  const open = p.status === 'open';
  const ageRange =
    p.ageMin != null || p.ageMax != null
      ? t('jobs.posting.ageRange', { min: p.ageMin ?? 16, max: p.ageMax ?? 65 })
      : null;
  const shift =
    p.shiftStart && p.shiftEnd
      ? t('jobs.posting.shiftBoth', { start: p.shiftStart, end: p.shiftEnd })
      : p.shiftStart
        ? t('jobs.posting.shiftFrom', { start: p.shiftStart })
        : p.shiftEnd
          ? t('jobs.posting.shiftUntil', { end: p.shiftEnd })
          : null;
  return (
    <Layout title={p.title} notice={justApplied ? t('jobs.applied') : undefined}>
      <p class="kicker">
        <IndustryTag industry={p.industry} />
        {p.publicWelfare && ` · ${t('jobs.posting.publicWelfare')}`}
      </p>
      <h1>{p.title}</h1>
      <p class="muted">{p.employerName}</p>
      <p class="wage big">{wageText(t, p.wageMin, p.wageMax, p.wageUnit)}</p>
      {monthlyText(t, p) && <p class="muted">{monthlyText(t, p)}</p>}
      {error && (
        <div class="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <dl class="summary">
        <dt>{t('jobs.posting.hours')}</dt>
        <dd>
          {t(scheduleLabel(p.schedule))}：{t(scheduleHours(p.schedule))}
        </dd>
        {shift && (
          <>
            <dt>{t('jobs.posting.shift')}</dt>
            <dd>{shift}</dd>
          </>
        )}
        <dt>{t('jobs.posting.where')}</dt>
        <dd>{p.address}</dd>
        {travel && <TravelRow p={p} travel={travel} distanceKm={distanceKm} siteName={siteName} />}
        {!travel && distanceKm != null && (
          <>
            <dt>
              {siteName ? t('jobs.posting.distanceFrom', { site: siteName }) : t('jobs.posting.distance')}
            </dt>
            <dd>
              {!p.locationApproximate
                ? t('jobs.posting.km', { km: distanceKm.toFixed(1) })
                : distanceKm < 0.5
                  ? t('jobs.distanceUnknown')
                  : t('jobs.posting.kmAbout', { km: String(Math.max(1, Math.round(distanceKm))) })}
            </dd>
          </>
        )}
        <dt>{t('jobs.posting.shuttle')}</dt>
        <dd>{t(p.shuttle ? 'jobs.posting.shuttleYes' : 'jobs.posting.shuttleNo')}</dd>
        <dt>{t('jobs.posting.accommodation')}</dt>
        <dd>{t(p.accommodation ? 'jobs.posting.accommodationYes' : 'jobs.posting.accommodationNo')}</dd>
        <dt>{t('jobs.posting.meals')}</dt>
        <dd>{t(p.meals ? 'jobs.posting.mealsYes' : 'jobs.posting.mealsNo')}</dd>
        <dt>{t('jobs.posting.headcount')}</dt>
        <dd>{t('jobs.posting.headcountN', { n: p.headcount, hired: p.hiredCount })}</dd>
        {ageRange && (
          <>
            <dt>{t('jobs.posting.age')}</dt>
            <dd>{ageRange}</dd>
          </>
        )}
        {p.startDate && (
          <>
            <dt>{t('jobs.posting.start')}</dt>
            <dd>{p.startDate}</dd>
          </>
        )}
        <dt>{t('jobs.posting.employer')}</dt>
        <dd>{p.employerName}</dd>
      </dl>

      <h2>{t('jobs.posting.skills')}</h2>
      {p.skills.length ? (
        <ul class="facts">
          {p.skills.map((s) => (
            <li key={s.code}>
              {s.nameZh}（{t(levelLabel(s.minLevel))}，
              {t(s.required ? 'jobs.posting.skillRequired' : 'jobs.posting.skillPreferred')}）
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('jobs.posting.noSkills')}</p>
      )}

      <h2>{t('jobs.posting.description')}</h2>
      <p class="description">{p.description}</p>

      <div id="apply" class="apply">
        {!open ? (
          <p class="empty">{t('jobs.posting.closed')}</p>
        ) : applied === 'invited' ? (
          <p class="notice">
            <a href="/my/applications">{t('jobs.invitedAnswer')}</a>
          </p>
        ) : applied ? (
          <p class="notice">
            {t('jobs.alreadyApplied', { status: t(statusLabel(applied)) })}{' '}
            <a href="/my/applications">{t('jobs.appliedMine')}</a>
          </p>
        ) : !user ? (
          <a class="button primary" href={`/login?next=${encodeURIComponent(url.split('#')[0])}`}>
            {t('jobs.applyLogin')}
          </a>
        ) : user.role === 'resident' ? (
          <Form action={`/jobs/${p.id}/apply`} label={t('jobs.apply')}>
            {before && (
              <p class="muted">{t(before === 'withdrawn' ? 'jobs.applyAgain' : 'jobs.declinedBefore')}</p>
            )}
            <button type="submit" class="button primary">
              {t('jobs.apply')}
            </button>
          </Form>
        ) : (
          <p class="muted">{t('jobs.onlyResidents')}</p>
        )}
      </div>
    </Layout>
  );
}
