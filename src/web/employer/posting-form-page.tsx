import type { ComponentChildren } from 'preact';
import { INDUSTRIES, SCHEDULES, WAGE_UNITS } from '../../kernel/domain-enums';
import {
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  SelectField,
  TextField,
} from '../components/form';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { INDUSTRY_ICON, industryLabel, scheduleLabel, unitLabel } from '../components/labels';
import { TextArea } from '../components/text-area';
import { SkillPick, type PickedSkill } from './skill-pick';

function Check(props: { name: string; checked: boolean; children: ComponentChildren }) {
  return (
    <label class="choice">
      <input type="checkbox" name={props.name} value="1" checked={props.checked} />
      <span>{props.children}</span>
    </label>
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
