import type { Role } from '../../access/role';
import type { MessageKey } from '../i18n/messages';

export interface NavItem {
  href: string;
  label: MessageKey;
}

/** Where each role lands after sign-in. */
export const ROLE_HOME: Record<Role, string> = {
  resident: '/',
  employer: '/employer',
  officer: '/officer',
  provider: '/provider',
  admin: '/admin',
};

/**
 * The header menu per role (sign-out is added by the layout). Feature pages add their entries
 * here; keep each list short, it has to fit a 360 px screen.
 */
export const NAV: Record<Role | 'guest', NavItem[]> = {
  guest: [
    { href: '/', label: 'nav.home' },
    { href: '/login', label: 'nav.login' },
    { href: '/register', label: 'nav.register' },
  ],
  resident: [
    { href: '/', label: 'nav.home' },
    { href: '/jobs', label: 'nav.jobs' },
    { href: '/my/recommendations', label: 'nav.forMe' },
    { href: '/my/applications', label: 'nav.myApplications' },
    { href: '/my/notifications', label: 'nav.notifications' },
    { href: '/my/profile', label: 'nav.profile' },
    { href: '/account', label: 'nav.account' },
  ],
  employer: [
    { href: '/employer', label: 'nav.home' },
    { href: '/employer/postings', label: 'nav.employerPostings' },
    { href: '/account', label: 'nav.account' },
  ],
  officer: [
    { href: '/officer', label: 'nav.home' },
    { href: '/officer/households?zeroEmployment=true', label: 'officer.nav.queue' },
    { href: '/officer/matches', label: 'officer.nav.matches' },
    { href: '/officer/follow-ups', label: 'officer.nav.followUps' },
    { href: '/officer/notifications', label: 'officer.nav.notifications' },
    { href: '/account', label: 'nav.account' },
  ],
  provider: [
    { href: '/provider', label: 'provider.nav.courses' },
    { href: '/provider/courses/new', label: 'provider.nav.new' },
    { href: '/account', label: 'nav.account' },
  ],
  admin: [
    { href: '/admin', label: 'nav.home' },
    { href: '/admin/users', label: 'admin.nav.users' },
    { href: '/admin/sites', label: 'admin.nav.sites' },
    { href: '/account', label: 'nav.account' },
  ],
};
