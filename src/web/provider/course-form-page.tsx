import {
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  type Option,
  SelectField,
  TextField,
} from '../components/form';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

/** A skill on the course form: ticked, and the level a graduate reaches. */
export interface TaughtSkill {
  code: string;
  name: string;
  level: number;
  checked: boolean;
}

function SkillPick({ s }: { s: TaughtSkill }) {
  const { t } = useWeb();
  const id = s.code.replace(/[^a-zA-Z0-9_-]/g, '-');
  return (
    <li class="card skill-pick">
      <label class="choice">
        <input type="checkbox" name="skill" value={s.code} checked={s.checked} />
        <span>{s.name}</span>
      </label>
      <div class="field">
        <label for={`lvl-${id}`}>{`${s.name}：${t('provider.form.levelReached')}`}</label>
        <select id={`lvl-${id}`} name={`level_${s.code}`}>
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={String(n)} selected={n === s.level}>
              {t(`skillLevel.${n}` as 'skillLevel.1')}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}

export interface CourseFormPageProps {
  /** undefined: a new course. */
  courseId?: string;
  values: FormValues;
  errors?: FormErrors;
  chosen: TaughtSkill[];
  /** The skill search's results (not yet chosen), or null when nothing was searched. */
  found: TaughtSkill[] | null;
  skillQuery: string;
  regions: Option[];
}

/**
 * New / edit course. Skills are picked from the taxonomy the way employers pick them: "找" posts
 * the form back with the search word and every field typed so far (works without JavaScript).
 */
export function CourseFormPage(p: CourseFormPageProps) {
  const { t } = useWeb();
  const errors = p.errors ?? {};
  const v = p.values;
  const title = t(p.courseId ? 'provider.form.editTitle' : 'provider.form.newTitle');
  return (
    <Layout title={title}>
      <p>
        <a href={p.courseId ? `/provider/courses/${p.courseId}` : '/provider'}>← {t('provider.form.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Form action={p.courseId ? `/provider/courses/${p.courseId}` : '/provider/courses'} label={title}>
        <TextField
          name="title"
          label={t('provider.form.title')}
          maxLength={200}
          required
          values={v}
          errors={errors}
        />
        <div class={errors.description ? 'field invalid' : 'field'}>
          <label for="f-description">{t('provider.form.description')}</label>
          {errors.description && <span class="field-error">{t(errors.description)}</span>}
          <textarea id="f-description" name="description" rows={3} maxLength={5000}>
            {v.description ?? ''}
          </textarea>
        </div>
        <div class="pair">
          <TextField
            name="startDate"
            type="date"
            label={t('provider.form.startDate')}
            required
            values={v}
            errors={errors}
          />
          <TextField
            name="endDate"
            type="date"
            label={t('provider.form.endDate')}
            required
            values={v}
            errors={errors}
          />
        </div>
        <SelectField
          name="regionCode"
          label={t('provider.form.region')}
          options={p.regions}
          placeholder=""
          required
          values={v}
          errors={errors}
        />
        <TextField
          name="address"
          label={t('provider.form.address')}
          maxLength={200}
          required
          values={v}
          errors={errors}
        />
        <TextField
          name="capacity"
          type="number"
          inputMode="numeric"
          label={t('provider.form.capacity')}
          required
          values={v}
          errors={errors}
        />
        <div class="field">
          <label class="choice">
            <input type="checkbox" name="subsidized" value="1" checked={v.subsidized === '1'} />
            <span>{t('provider.form.subsidized')}</span>
          </label>
        </div>
        <TextField
          name="subsidyNote"
          label={t('provider.form.subsidyNote')}
          maxLength={500}
          values={v}
          errors={errors}
        />
        {p.courseId && (
          <SelectField
            name="status"
            label={t('provider.form.status')}
            options={[
              { value: 'open', label: t('provider.form.status.open') },
              { value: 'cancelled', label: t('provider.form.status.cancelled') },
            ]}
            values={v}
            errors={errors}
          />
        )}

        <fieldset class={errors.skills ? 'field invalid' : 'field'} id="skills">
          <legend>{t('provider.form.skills')}</legend>
          {errors.skills && <span class="field-error">{t(errors.skills)}</span>}
          <h2 class="h3">{t('provider.form.skillsChosen')}</h2>
          {p.chosen.length ? (
            <ul class="cards">
              {p.chosen.map((s) => (
                <SkillPick key={s.code} s={s} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('provider.form.noSkills')}</p>
          )}
          <TextField
            name="skillq"
            type="search"
            label={t('provider.form.skillSearch')}
            hint={t('provider.form.skillSearchHint')}
            maxLength={50}
            values={{ skillq: p.skillQuery }}
          />
          <button type="submit" name="action" value="search" class="button" formnovalidate>
            {t('provider.form.skillFind')}
          </button>
          {p.found && (
            <>
              <h2 class="h3">{t('provider.form.skillResults')}</h2>
              {p.found.length ? (
                <ul class="cards">
                  {p.found.map((s) => (
                    <SkillPick key={s.code} s={s} />
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('provider.form.noSkillFound')}</p>
              )}
            </>
          )}
        </fieldset>
        <button type="submit" name="action" value="save" class="button primary">
          {t('provider.form.save')}
        </button>
      </Form>
    </Layout>
  );
}
