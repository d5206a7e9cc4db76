import type { ComponentChildren } from 'preact';
import { assetUrl } from '../assets';
import { useWeb } from '../render';
import { Form } from './form';
import { NAV, ROLE_HOME } from './nav';

export interface LayoutProps {
  /** The page title (in <title>, after the app name); pages write their own <h1>. */
  title: string;
  children: ComponentChildren;
  /** A one-line notice above the content (e.g. "registered, please sign in"). */
  notice?: string;
}

/**
 * The frame of every page: a top bar (the app name, which links home, the language switch and
 * sign-out), one row of menu under it, footer.
 */
export function Layout({ title, children, notice }: LayoutProps) {
  const { t, lang, user, url } = useWeb();
  const other = lang === 'zh' ? 'en' : 'zh';
  const nav = NAV[user?.role ?? 'guest'];
  const path = url.split('?')[0];
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('app.js')} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="top">
          <div class="bar">
            <a class="brand" href={user ? ROLE_HOME[user.role] : '/'}>
              乐业<span class="tagline">{t('app.tagline')}</span>
            </a>
            <div class="bar-end">
              <a
                class="lang"
                href={`/lang/${other}?next=${encodeURIComponent(url)}`}
                hrefLang={other === 'zh' ? 'zh-CN' : 'en'}
                lang={other === 'zh' ? 'zh-CN' : 'en'}
                title={t('lang.switchLabel')}
              >
                {t('lang.switch')}
              </a>
              {user && (
                <Form action="/logout" class="inline">
                  <button type="submit" class="link logout">
                    {t('nav.logout')}
                  </button>
                </Form>
              )}
            </div>
          </div>
          <nav aria-label={t('nav.label')}>
            <ul class="nav">
              {nav.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={item.href === path ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">
          {notice && (
            <p class="notice" role="status">
              {notice}
            </p>
          )}
          {children}
        </main>
        <footer class="foot">
          <p>{t('footer.text')}</p>
          <p>{t('footer.help')}</p>
        </footer>
      </body>
    </html>
  );
}
