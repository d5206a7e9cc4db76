import type { Role } from '../../access/role';
import type { MessageKey } from '../../i18n/web/messages';

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
  // A partner city's liaison officer (east–west labour cooperation): its batches only.
  liaison: '/liaison',
};

/**
 * The header menu per role. Sign-out sits in the top bar (the layout), the brand links home.
 * At most five items, so the menu is one row on a 360 px phone; the resident's words are the
 * ones a resident uses (我的报名, 我的资料), and their account page is linked from 我的资料.
 */
export const NAV: Record<Role | 'guest', NavItem[]> = {
  guest: [
    { href: '/', label: 'nav.home' },
    { href: '/jobs', label: 'nav.jobs' },
    { href: '/login', label: 'nav.login' },
    { href: '/register', label: 'nav.register' },
  ],
  resident: [
    { href: '/jobs', label: 'nav.jobs' },
    { href: '/my/recommendations', label: 'nav.forMe' },
    { href: '/my/applications', label: 'nav.myApplications' },
    { href: '/my/notifications', label: 'nav.notifications' },
    { href: '/my/profile', label: 'nav.profile' },
  ],
  employer: [
    { href: '/employer', label: 'nav.home' },
    { href: '/employer/postings', label: 'nav.employerPostings' },
    { href: '/account', label: 'nav.account' },
  ],
  officer: [
    // No 首页: the brand links to /officer (as for residents), so six items keep one row at 360 px.
    // Every zero-employment household is a case until it is cleared (casework): the queue with the clock.
    { href: '/officer/cases', label: 'officer.nav.queue' },
    { href: '/officer/matches', label: 'officer.nav.matches' },
    { href: '/officer/follow-ups', label: 'officer.nav.followUps' },
    // Workshops, subsidies and labour cooperation (issue 17): one entry, the hub links the three.
    { href: '/officer/programmes', label: 'officer.nav.programmes' },
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
  liaison: [
    { href: '/liaison', label: 'coop.nav.liaison' },
    { href: '/account', label: 'nav.account' },
  ],
};
