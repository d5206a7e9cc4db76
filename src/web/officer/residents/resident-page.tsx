import type { ApplicationDto } from '../../../applications/dto/application.dto';
import { formatDate, todayInPilotZone } from '../../../kernel/clock';
import { CONTACT_KINDS } from '../../../contacts/contact-kind';
import type { ContactDto } from '../../../contacts/dto/contact.dto';
import { PLACEMENT_KINDS } from '../../../placements/placement-kind';
import type { PlacementDto } from '../../../placements/dto/placement.dto';
import type { JobChoice } from '../../../reports/job-choices.service';
import type { HouseholdLabel } from '../../../residents/household-head';
import type { ResidentDto } from '../../../residents/dto/resident.dto';
import {
  ActionButton,
  ErrorSummary,
  Form,
  RadioField,
  SelectField,
  SubmitButton,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../components/form';
import { ItemList } from '../../components/item-list';
import { statusWord } from '../../../i18n/status-vocabulary';
import { useWeb } from '../../render';
import { EmploymentLabel, HouseholdName } from '../households/household-labels';
import { OfficerPage } from '../officer-layout';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

const CAPACITY: Record<string, OfficerKey> = {
  full: 'officer.capacity.full',
  partial: 'officer.capacity.partial',
  none: 'officer.capacity.none',
};

/** The resident page's three forms; the one that failed comes back open with what was typed. */
export type ResidentForm = 'placement' | 'referral' | 'contact';

export interface ResidentPageProps {
  resident: ResidentDto;
  household: HouseholdLabel | undefined;
  placements: PlacementDto[];
  applications: ApplicationDto[];
  contacts: ContactDto[];
  skillNames: Map<string, string>;
  /** The officer manages the resident (site officers): the forms are shown. */
  manages: boolean;
  employers: { id: string; name: string }[];
  jobs: JobChoice[];
  /** After 「显示电话」: the phone in clear (null: none stored). */
  phone?: string | null;
  failed?: { form: ResidentForm; errors: FormErrors; values: FormValues; message?: OfficerKey };
}

/**
 * `/officer/residents/:id`: the record (national ID and phone masked; the read is audited),
 * what the officer does for the resident — record a placement, refer to a job, log a contact —
 * and what happened so far (applications and referrals, placements, contacts).
 */
export function ResidentPage(props: ResidentPageProps) {
  const { t } = useWeb();
  const r = props.resident;
  const base = `/officer/residents/${r.id}`;
  return (
    <OfficerPage title="officer.resident.title">
      <dl class="summary">
        <dt>{t('officer.resident.name')}</dt>
        <dd>{r.name}</dd>
        <dt>{t('officer.resident.nationalId')}</dt>
        <dd class="mono">{r.nationalIdMasked ?? '—'}</dd>
        <dt>{t('officer.resident.phone')}</dt>
        <dd class="mono" id="resident-phone">
          {props.phone !== undefined ? (
            props.phone ? (
              <a href={`tel:${props.phone}`}>{t('officer.resident.call', { phone: props.phone })}</a>
            ) : (
              t('officer.resident.noPhone')
            )
          ) : (
            <>
              {r.phoneMasked ?? '—'}{' '}
              {r.phoneMasked && (
                <ActionButton
                  action={`${base}/phone`}
                  text={t('officer.resident.showPhone')}
                  label={t('officer.resident.showPhone')}
                />
              )}
            </>
          )}
        </dd>
        <dt>{t('officer.resident.birthDate')}</dt>
        <dd>{r.birthDate ?? '—'}</dd>
        <dt>{t('officer.resident.capacity')}</dt>
        <dd>{CAPACITY[r.laborCapacity] ? t(CAPACITY[r.laborCapacity]) : r.laborCapacity}</dd>
        <dt>{t('officer.resident.employment')}</dt>
        <dd>
          <EmploymentLabel status={r.employmentStatus} />
        </dd>
        <dt>{t('officer.resident.consent')}</dt>
        <dd>{t(r.consentToShare ? 'officer.yes' : 'officer.no')}</dd>
        <dt>{t('officer.resident.household')}</dt>
        <dd>
          <a href={`/officer/households/${r.householdId}`}>
            <HouseholdName label={props.household} />
          </a>
        </dd>
      </dl>
      {props.phone === undefined && r.phoneMasked && <p class="hint">{t('officer.resident.phoneAudited')}</p>}
      <h2>{t('officer.resident.skills')}</h2>
      {r.skills.length ? (
        <ul>
          {r.skills.map((s) => (
            <li key={s.code}>
              {props.skillNames.get(s.code) ?? s.code} · {t('officer.resident.level', { n: s.level })}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('officer.resident.noSkills')}</p>
      )}

      {props.manages && (
        <section aria-labelledby="h-actions">
          <h2 id="h-actions">{t('officer.rp.actions')}</h2>
          <PlacementForm {...props} action={`${base}/placements`} />
          <ReferralForm {...props} action={`${base}/referrals`} />
          <ContactForm {...props} action={`${base}/contacts`} />
        </section>
      )}

      <h2>{t('officer.rp.applications')}</h2>
      <ItemList
        items={props.applications}
        class="queue"
        id="resident-applications"
        empty={t('officer.rp.noApplications')}
      >
        {(a) => <ApplicationItem key={a.id} a={a} />}
      </ItemList>
      <h2>{t('officer.placements.title')}</h2>
      <ItemList
        items={props.placements}
        class="queue"
        id="resident-placements"
        empty={t('officer.placements.none')}
      >
        {(p) => (
          <li key={p.id}>
            {t(`officer.kind.${p.kind}` as OfficerKey)} · {p.employerName ?? '—'}
            {p.partnerCity ? ` · ${p.partnerCity}` : ''} · {p.startDate}
            {p.endDate ? ` – ${p.endDate}` : ` · ${t('officer.placements.active')}`}
          </li>
        )}
      </ItemList>
      <h2>{t('officer.rp.contacts')}</h2>
      <ItemList
        items={props.contacts}
        class="queue"
        id="resident-contacts"
        empty={t('officer.rp.noContacts')}
      >
        {(c) => (
          <li key={c.id}>
            {c.date} · {t(`officer.contact.${c.kind}` as OfficerKey)}
            {c.note ? ` · ${c.note}` : ''}
          </li>
        )}
      </ItemList>
    </OfficerPage>
  );
}

function ApplicationItem({ a }: { a: ApplicationDto }) {
  const { t, lang } = useWeb();
  return (
    <li>
      <a href={`/jobs/${a.postingId}`}>{a.postingTitle}</a> · {t(`officer.source.${a.source}` as OfficerKey)}{' '}
      · {statusWord(lang, 'officer', a.status)} · {formatDate(a.createdAt)}
    </li>
  );
}

/** The failed form's values and errors, or empty ones (and whether this form is the one). */
function formState(props: ResidentPageProps, form: ResidentForm) {
  const f = props.failed?.form === form ? props.failed : undefined;
  return { f, values: f?.values ?? {}, errors: f?.errors ?? {} };
}

function FormMessage({ f }: { f: ResidentPageProps['failed'] }) {
  const { t } = useWeb();
  if (!f) return null;
  return f.message ? (
    <div class="error-summary" role="alert">
      <p>{t(f.message)}</p>
    </div>
  ) : (
    <ErrorSummary errors={f.errors} />
  );
}

function PlacementForm(props: ResidentPageProps & { action: string }) {
  const { t } = useWeb();
  const { f, values, errors } = formState(props, 'placement');
  const v = { startDate: todayInPilotZone(), ...values };
  return (
    <details class="more" open={!!f}>
      <summary>{t('officer.rp.placementTitle')}</summary>
      <Form action={props.action} label={t('officer.rp.placementTitle')}>
        <FormMessage f={f} />
        <RadioField
          name="kind"
          label={t('officer.rp.kind')}
          values={v}
          errors={errors}
          options={PLACEMENT_KINDS.map((k) => ({ value: k, label: t(`officer.kind.${k}` as OfficerKey) }))}
        />
        <SelectField
          name="employerId"
          label={t('officer.rp.employer')}
          hint={t('officer.rp.employerHint')}
          values={v}
          errors={errors}
          placeholder={t('officer.rp.employerNone')}
          options={props.employers.map((e) => ({ value: e.id, label: e.name }))}
        />
        <TextField
          name="employerName"
          label={t('officer.rp.employerName')}
          values={v}
          errors={errors}
          maxLength={100}
        />
        <TextField
          name="startDate"
          type="date"
          label={t('officer.rp.startDate')}
          values={v}
          errors={errors}
          required
        />
        <TextField
          name="monthlyIncome"
          inputMode="decimal"
          label={t('officer.rp.income')}
          values={v}
          errors={errors}
        />
        <TextField
          name="partnerCity"
          label={t('officer.rp.partnerCity')}
          values={v}
          errors={errors}
          maxLength={50}
        />
        <SubmitButton>{t('officer.rp.savePlacement')}</SubmitButton>
      </Form>
    </details>
  );
}

function ReferralForm(props: ResidentPageProps & { action: string }) {
  const { t } = useWeb();
  const { f, values, errors } = formState(props, 'referral');
  return (
    <details class="more" open={!!f}>
      <summary>{t('officer.rp.referTitle')}</summary>
      {props.jobs.length ? (
        <Form action={props.action} label={t('officer.rp.referTitle')}>
          <FormMessage f={f} />
          <SelectField
            name="postingId"
            label={t('officer.rp.posting')}
            values={values}
            errors={errors}
            required
            options={props.jobs.map((j) => ({ value: j.id, label: `${j.title} · ${j.employerName}` }))}
          />
          <SubmitButton>{t('officer.rp.refer')}</SubmitButton>
        </Form>
      ) : (
        <p class="empty">{t('officer.rp.noPostings')}</p>
      )}
    </details>
  );
}

function ContactForm(props: ResidentPageProps & { action: string }) {
  const { t } = useWeb();
  const { f, values, errors } = formState(props, 'contact');
  const v = { date: todayInPilotZone(), kind: 'phone', ...values };
  return (
    <details class="more" open={!!f}>
      <summary>{t('officer.rp.contactTitle')}</summary>
      <Form action={props.action} label={t('officer.rp.contactTitle')}>
        <FormMessage f={f} />
        <TextField
          name="date"
          type="date"
          label={t('officer.rp.contactDate')}
          values={v}
          errors={errors}
          required
        />
        <RadioField
          name="kind"
          label={t('officer.rp.contactKind')}
          values={v}
          errors={errors}
          options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`officer.contact.${k}` as OfficerKey) }))}
        />
        <TextField name="note" label={t('officer.rp.note')} values={v} errors={errors} maxLength={500} />
        <SubmitButton>{t('officer.rp.saveContact')}</SubmitButton>
      </Form>
    </details>
  );
}
