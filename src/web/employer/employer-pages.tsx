import type { ComponentChildren } from 'preact';
import { canTransition, type ApplicationStatus } from '../../applications/application-status';
import type { ApplicationDto } from '../../applications/dto/application.dto';
import { INDUSTRIES, SCHEDULES, WAGE_UNITS } from '../../common/domain-enums';
import type { EmployerDto } from '../../employers/dto/employer.dto';
import { EMPLOYER_KINDS } from '../../employers/employer-kind';
import type { EmployerMatchDto } from '../../matching/dto/match.dto';
import type { PostingDto } from '../../postings/dto/posting.dto';
import { isEditable } from '../../postings/posting-lifecycle';
import type { SkillDto } from '../../skills/skill.dto';
import {
  ActionButton,
  ErrorBanner,
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  type Option,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form';
import { ItemList } from '../components/item-list';
import { wageText } from '../components/job-card';
import { Layout } from '../components/layout';
import type { MessageKey } from '../i18n/messages';
import { statusKey } from '../../i18n/status-vocabulary';
import { useWeb } from '../render';
import { IndustryTag } from '../resident/job-item';
import {
  INDUSTRY_ICON,
  industryLabel,
  kindLabel,
  levelLabel,
  scheduleLabel,
  unitLabel,
} from '../resident/labels';

export interface Township {
  code: string;
  name: string;
}

/** A multi-line text field (the foundation has single-line ones); keeps what was typed. */
export function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  values?: FormValues;
  errors?: FormErrors;
  maxLength?: number;
}) {
  const { t } = useWeb();
  const error = props.errors?.[props.name];
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${props.name}-error`}>
          {t(error)}
        </span>
      )}
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={5}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.values?.[props.name] ?? ''}
      </textarea>
    </div>
  );
}

function Check(props: { name: string; checked: boolean; children: ComponentChildren }) {
  return (
    <label class="choice">
      <input type="checkbox" name={props.name} value="1" checked={props.checked} />
      <span>{props.children}</span>
    </label>
  );
}

// ---- /employer ---------------------------------------------------------------------------

export interface EmployerCreatePageProps {
  townships: Township[];
  values?: FormValues;
  errors?: FormErrors;
}

/** The company registration form (an employer account without a company yet). */
export function EmployerCreatePage({ townships, values = {}, errors = {} }: EmployerCreatePageProps) {
  const { t, user } = useWeb();
  return (
    <Layout title={t('employer.create.title')}>
      {user && <p class="greeting">{t('home.greeting', { name: user.name })}</p>}
      <h1>{t('employer.create.title')}</h1>
      <p>{t('employer.create.intro')}</p>
      <Form action="/employer" class="stack">
        <ErrorSummary errors={errors} />
        <TextField
          name="name"
          label={t('employer.field.name')}
          maxLength={100}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="creditCode"
          label={t('employer.field.creditCode')}
          hint={t('employer.field.creditCode.hint')}
          maxLength={18}
          required
          values={values}
          errors={errors}
        />
        <SelectField
          name="kind"
          label={t('employer.field.kind')}
          options={EMPLOYER_KINDS.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
          required
          values={values}
          errors={errors}
        />
        <SelectField
          name="industry"
          label={t('employer.field.industry')}
          options={INDUSTRIES.map((i) => ({ value: i, label: `${INDUSTRY_ICON[i]} ${t(industryLabel(i))}` }))}
          required
          values={values}
          errors={errors}
        />
        <SelectField
          name="regionCode"
          label={t('employer.field.region')}
          placeholder={t('employer.field.region.choose')}
          options={townships.map((r) => ({ value: r.code, label: r.name }))}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="address"
          label={t('employer.field.address')}
          maxLength={200}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="latitude"
          inputMode="decimal"
          label={`${t('employer.field.latitude')}（${t('form.optional')}）`}
          hint={t('employer.field.location.hint')}
          values={values}
          errors={errors}
        />
        <TextField
          name="longitude"
          inputMode="decimal"
          label={`${t('employer.field.longitude')}（${t('form.optional')}）`}
          values={values}
          errors={errors}
        />
        <SubmitButton>{t('employer.create.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** The company profile and its verification state. */
export function EmployerHomePage({ employer, regionName }: { employer: EmployerDto; regionName: string }) {
  const { t, user } = useWeb();
  return (
    <Layout title={t('employer.home.title')}>
      {user && <p class="greeting">{t('home.greeting', { name: user.name })}</p>}
      <h1>{employer.name}</h1>
      {employer.verified ? (
        <p class="notice">✓ {t('employer.verified')}</p>
      ) : employer.rejection ? (
        <div class="warning" role="alert">
          <p>{t('employer.rejected')}</p>
          <p>
            <strong>{employer.rejection.reason}</strong>
          </p>
          <p>{t('employer.rejectedFix')}</p>
        </div>
      ) : (
        <p class="warning">{t('employer.unverified')}</p>
      )}
      <dl class="summary">
        <dt>{t('employer.profile.creditCode')}</dt>
        <dd>{employer.creditCode}</dd>
        <dt>{t('employer.profile.kind')}</dt>
        <dd>{t(kindLabel(employer.kind))}</dd>
        <dt>{t('employer.profile.industry')}</dt>
        <dd>
          <IndustryTag industry={employer.industry} />
        </dd>
        <dt>{t('employer.profile.address')}</dt>
        <dd>
          {regionName} {employer.address}
        </dd>
      </dl>
      <p>
        <a class="button primary" href="/employer/postings/new">
          {t('employer.newPosting')}
        </a>
      </p>
      <p>
        <a class="button" href="/employer/postings">
          {t('employer.toPostings')}
        </a>
      </p>
    </Layout>
  );
}

// ---- /employer/postings -------------------------------------------------------------------

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

/** A skill on the posting form: picked (checkbox), its minimum level and whether it is required. */
export interface PickedSkill {
  code: string;
  name: string;
  minLevel: number;
  required: boolean;
  checked: boolean;
}

function SkillPick({ s }: { s: PickedSkill }) {
  const { t } = useWeb();
  const id = s.code.replace(/[^a-zA-Z0-9_-]/g, '-');
  const levels: Option[] = [1, 2, 3, 4].map((n) => ({ value: String(n), label: t(levelLabel(n)) }));
  return (
    <li class="card skill-pick">
      <label class="choice">
        <input type="checkbox" name="skill" value={s.code} checked={s.checked} />
        <span>{s.name}</span>
      </label>
      <div class="pair">
        <div class="field">
          <label for={`lvl-${id}`}>{`${s.name}：${t('employer.form.minLevel')}`}</label>
          <select id={`lvl-${id}`} name={`level_${s.code}`}>
            {levels.map((o) => (
              <option key={o.value} value={o.value} selected={Number(o.value) === s.minLevel}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`need-${id}`}>{`${s.name}：${t('employer.form.need')}`}</label>
          <select id={`need-${id}`} name={`need_${s.code}`}>
            <option value="required" selected={s.required}>
              {t('employer.form.required')}
            </option>
            <option value="preferred" selected={!s.required}>
              {t('employer.form.preferred')}
            </option>
          </select>
        </div>
      </div>
    </li>
  );
}

export interface PostingFormPageProps {
  /** undefined: a new posting. */
  postingId?: string;
  values: FormValues;
  errors?: FormErrors;
  chosen: PickedSkill[];
  /** The skill search's results (not yet chosen), or null when nothing was searched. */
  found: PickedSkill[] | null;
  skillQuery: string;
}

/**
 * New / edit vacancy. Skills are picked from the taxonomy: "找" posts the form back with the
 * search word, and the page returns with everything typed so far plus the skills found as
 * checkboxes (works without JavaScript).
 */
export function PostingFormPage({
  postingId,
  values,
  errors = {},
  chosen,
  found,
  skillQuery,
}: PostingFormPageProps) {
  const { t } = useWeb();
  const title = t(postingId ? 'employer.form.editTitle' : 'employer.form.newTitle');
  const action = postingId ? `/employer/postings/${postingId}` : '/employer/postings';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <Form action={action} class="stack">
        <ErrorSummary errors={errors} />
        <TextField
          name="title"
          label={t('employer.form.title')}
          maxLength={100}
          required
          values={values}
          errors={errors}
        />
        <SelectField
          name="industry"
          label={t('employer.field.industry')}
          options={INDUSTRIES.map((i) => ({ value: i, label: `${INDUSTRY_ICON[i]} ${t(industryLabel(i))}` }))}
          required
          values={values}
          errors={errors}
        />
        <TextArea
          name="description"
          label={t('employer.form.description')}
          hint={t('employer.form.description.hint')}
          maxLength={5000}
          values={values}
          errors={errors}
        />
        <TextField
          name="headcount"
          type="number"
          inputMode="numeric"
          label={t('employer.form.headcount')}
          required
          values={values}
          errors={errors}
        />
        <SelectField
          name="wageUnit"
          label={t('employer.form.wageUnit')}
          options={WAGE_UNITS.map((u) => ({ value: u, label: t(unitLabel(u)) }))}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="wageMin"
          type="number"
          inputMode="decimal"
          label={t('employer.form.wageMin')}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="wageMax"
          type="number"
          inputMode="decimal"
          label={t('employer.form.wageMax')}
          required
          values={values}
          errors={errors}
        />
        <SelectField
          name="schedule"
          label={t('employer.form.schedule')}
          options={SCHEDULES.map((s) => ({ value: s, label: t(scheduleLabel(s)) }))}
          required
          values={values}
          errors={errors}
        />
        <TextField
          name="shiftStart"
          type="time"
          label={`${t('employer.form.shiftStart')}（${t('form.optional')}）`}
          hint={t('employer.form.shift.hint')}
          values={values}
          errors={errors}
        />
        <TextField
          name="shiftEnd"
          type="time"
          label={`${t('employer.form.shiftEnd')}（${t('form.optional')}）`}
          values={values}
          errors={errors}
        />
        <TextField
          name="address"
          label={t('employer.form.address')}
          maxLength={200}
          values={values}
          errors={errors}
        />
        <fieldset class="field">
          <legend>{t('employer.form.extras')}</legend>
          <Check name="shuttle" checked={values.shuttle === '1'}>
            {t('employer.form.shuttle')}
          </Check>
          <Check name="accommodation" checked={values.accommodation === '1'}>
            {t('employer.form.accommodation')}
          </Check>
          <Check name="meals" checked={values.meals === '1'}>
            {t('employer.form.meals')}
          </Check>
          <Check name="publicWelfare" checked={values.publicWelfare === '1'}>
            {t('employer.form.publicWelfare')}
          </Check>
        </fieldset>

        <fieldset class={errors.skills ? 'field invalid' : 'field'} id="skills">
          <legend>{t('employer.form.skills')}</legend>
          {errors.skills && <span class="field-error">{t(errors.skills)}</span>}
          <h2 class="h3">{t('employer.form.skillsChosen')}</h2>
          {chosen.length ? (
            <ul class="cards">
              {chosen.map((s) => (
                <SkillPick key={s.code} s={s} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('employer.form.noSkills')}</p>
          )}
          <TextField
            name="skillq"
            type="search"
            label={t('employer.form.skillSearch')}
            hint={t('employer.form.skillSearchHint')}
            maxLength={50}
            values={{ skillq: skillQuery }}
          />
          <button type="submit" name="action" value="search" class="button" formnovalidate>
            {t('employer.form.skillFind')}
          </button>
          {found && (
            <>
              <h2 class="h3">{t('employer.form.skillResults')}</h2>
              {found.length ? (
                <ul class="cards">
                  {found.map((s) => (
                    <SkillPick key={s.code} s={s} />
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('resident.profile.noSkillFound')}</p>
              )}
            </>
          )}
        </fieldset>
        <button type="submit" name="action" value="save" class="button primary">
          {t('employer.form.save')}
        </button>
      </Form>
    </Layout>
  );
}

export function skillOptionsFrom(skills: SkillDto[], chosen: Set<string>): PickedSkill[] {
  return skills
    .filter((s) => !chosen.has(s.code))
    .map((s) => ({ code: s.code, name: s.nameZh, minLevel: 1, required: true, checked: false }));
}

// ---- applicants and candidates ------------------------------------------------------------

const PIPELINE: ApplicationStatus[] = ['viewed', 'interview', 'offered', 'hired', 'rejected'];

/** The employer's words for its applicant's status (status-vocabulary.ts). */
function applicantStatusLabel(s: ApplicationStatus): MessageKey {
  return statusKey('employer', s);
}

/** A page about one of the employer's postings: the way back to the list, and its title. */
function PostingSubpage(props: { title: string; notice?: string; children: ComponentChildren }) {
  const { t } = useWeb();
  return (
    <Layout title={props.title} notice={props.notice}>
      <p>
        <a href="/employer/postings">← {t('employer.back')}</a>
      </p>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
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
