import { INDUSTRIES } from '../../kernel/domain-enums';
import { EMPLOYER_KINDS } from '../../employers/employer-kind';
import {
  ErrorSummary,
  Form,
  type FormErrors,
  type FormValues,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form';
import { CoordinateFields } from '../components/coordinate-fields';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { INDUSTRY_ICON, industryLabel, kindLabel } from '../components/labels';

export interface Township {
  code: string;
  name: string;
}

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
        <CoordinateFields
          latitudeLabel={`${t('employer.field.latitude')}（${t('form.optional')}）`}
          longitudeLabel={`${t('employer.field.longitude')}（${t('form.optional')}）`}
          hint={t('employer.field.location.hint')}
          values={values}
          errors={errors}
        />
        <SubmitButton>{t('employer.create.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
