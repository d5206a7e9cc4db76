import type { ComponentChildren } from 'preact';
import { INDUSTRIES, SCHEDULES } from '../../kernel/domain-enums';
import type { ResidentDto } from '../../residents/dto/resident.dto';
import type { SkillDto } from '../../skills/skill.dto';
import { ErrorSummary, Form, type FormErrors, type FormValues, TextField } from '../components/form';
import { type DoneMessages, useDoneNotice } from '../components/done-notice';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { INDUSTRY_ICON, industryLabel, levelLabel, scheduleLabel } from '../components/labels';

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
