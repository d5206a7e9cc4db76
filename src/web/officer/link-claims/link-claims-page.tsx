import { formatDate } from '../../../kernel/clock';
import type { LinkClaimDto } from '../../../residents/dto/link-claim.dto';
import { ActionButton, ErrorBanner, Form } from '../../components/form';
import { Layout } from '../../components/layout';
import { useWeb } from '../../render';

/**
 * GET /officer/link-claims: accounts that registered with the national ID of a resident of the
 * officer's sites and wait for proof (issue 12, finding 1). The officer confirms only after
 * seeing the person and the ID card — the confirm form takes a ticked 「已核对身份证」 (audited);
 * the account's name is only what the registrant typed, and whether its phone is a household
 * phone is a hint, not proof. A claim nobody recognises is refused.
 */
export function LinkClaimsPage({
  claims,
  notice,
  error,
  page = 1,
  hasMore = false,
}: {
  claims: LinkClaimDto[];
  notice?: string;
  error?: string;
  page?: number;
  hasMore?: boolean;
}) {
  const { t } = useWeb();
  return (
    <Layout title={t('register.claims.title')} notice={notice}>
      <h1>{t('register.claims.title')}</h1>
      {error && <ErrorBanner text={error} />}
      <p>{t('register.claims.intro')}</p>
      {claims.length === 0 ? (
        <p class="empty">{t('register.claims.none')}</p>
      ) : (
        <ul class="cards">
          {claims.map((c) => (
            <li key={c.id} class="card">
              <p>
                {t('register.claims.item', {
                  resident: c.residentName,
                  account: c.accountName,
                  phone: c.accountPhone,
                  date: formatDate(c.createdAt),
                })}
              </p>
              <p>
                {c.selfRegistered ? t('register.claims.selfRegistered') + ' · ' : ''}
                {c.accountPhoneInHousehold
                  ? t('register.claims.phoneInHousehold')
                  : t('register.claims.phoneNotInHousehold')}
              </p>
              <Form
                action={`/officer/link-claims/${c.id}/confirm`}
                class="inline"
                label={t('register.claims.confirm')}
              >
                <label>
                  <input type="checkbox" name="idCardChecked" value="true" required />{' '}
                  {t('register.claims.idChecked')}
                </label>{' '}
                <button type="submit" class="button primary">
                  {t('register.claims.confirm')}
                </button>
              </Form>
              <ActionButton
                action={`/officer/link-claims/${c.id}/reject`}
                text={t('register.claims.reject')}
                label={t('register.claims.reject')}
              />
            </li>
          ))}
        </ul>
      )}
      <p>
        {page > 1 && <a href={`/officer/link-claims?page=${page - 1}`}>{t('register.claims.prev')}</a>}{' '}
        {hasMore && <a href={`/officer/link-claims?page=${page + 1}`}>{t('register.claims.next')}</a>}
      </p>
    </Layout>
  );
}
