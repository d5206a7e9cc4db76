import { Layout } from '../components/layout';
import { useWeb } from '../render';

/** The admin's first screen: the three things an operator does, each one tap away. */
export function AdminHomePage() {
  const { t, user } = useWeb();
  const tiles = [
    { href: '/admin/users', title: t('admin.home.users'), body: t('admin.home.usersBody') },
    { href: '/admin/sites', title: t('admin.home.sites'), body: t('admin.home.sitesBody') },
    { href: '/admin/queues', title: t('admin.home.queues'), body: t('admin.home.queuesBody') },
  ];
  return (
    <Layout title={t('admin.home.title')}>
      {user && <p class="greeting">{t('home.greeting', { name: user.name })}</p>}
      <h1>{t('admin.home.title')}</h1>
      <ul class="cards">
        {tiles.map((x) => (
          <li class="card" key={x.href}>
            <h2 class="h3">
              <a href={x.href}>{x.title}</a>
            </h2>
            <p>{x.body}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
