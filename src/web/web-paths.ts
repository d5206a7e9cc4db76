/**
 * The paths of the server-rendered pages, served outside /api/v1 (added to UNPREFIXED_PATHS).
 *
 * Nest excludes routes from the global prefix by their path, whatever controller declares them,
 * so a web path must never equal an API path (API.md): `/me` is the API's, the page is
 * `/account`. Pages live under these roots; a new page under one of them needs no edit here.
 */
export const WEB_PATHS: string[] = [
  '/',
  'login',
  'register',
  'register/verify',
  'logout',
  'lang/:code',
  'account',
  'account/{*rest}',
  // residents: job search and postings, their own things (applications, profile, notifications, courses)
  'jobs',
  'jobs/{*rest}',
  'my',
  'my/{*rest}',
  // the other roles' home pages and everything under them
  'employer',
  'employer/{*rest}',
  'officer',
  'officer/{*rest}',
  'provider',
  'provider/{*rest}',
  'admin',
  'admin/{*rest}',
  // a partner city's liaison officer (east–west labour cooperation)
  'liaison',
  'liaison/{*rest}',
];

/** Not pages: the JSON API, its docs, the queue dashboard, health, metrics and static files. */
const NOT_WEB = /^\/(api|admin\/queues|health|metrics|static)(\/|\?|$)/;

/** Whether a request URL is a page (HTML errors, CSRF checks) rather than an API call. */
export function isWebPath(url: string): boolean {
  return !NOT_WEB.test(url);
}
