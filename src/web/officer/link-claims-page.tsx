import { formatDate } from '../../common/clock';
import type { LinkClaimDto } from '../../residents/dto/link-claim.dto';
import { ActionButton } from '../components/form';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

/**
 * GET /officer/link-claims: accounts that registered with the national ID of a resident of the
 * officer's sites and wait for proof (issue 12, finding 1). The officer confirms only after
 * seeing the person (and the ID card); a claim nobody recognises is refused.
 */
export function LinkClaimsPage({ claims, notice }: { claims: LinkClaimDto[]; notice?: string }) {
  const { t } = useWeb();
  return (
    <Layout title={t('register.claims.title')} notice={notice}>
      <h1>{t('register.claims.title')}</h1>
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
              <ActionButton
                action={`/officer/link-claims/${c.id}/confirm`}
                text={t('register.claims.confirm')}
                label={t('register.claims.confirm')}
                primary
              />
              <ActionButton
                action={`/officer/link-claims/${c.id}/reject`}
                text={t('register.claims.reject')}
                label={t('register.claims.reject')}
              />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
