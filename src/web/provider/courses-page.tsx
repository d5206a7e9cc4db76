import type { CourseDto } from '../../training/dto/course.dto';
import { ItemList } from '../components/item-list';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

/** The provider's first screen: their courses, latest first, and the way to open a new one. */
export function CoursesPage({ courses, notice }: { courses: CourseDto[]; notice?: string }) {
  const { t, user } = useWeb();
  return (
    <Layout title={t('provider.courses.title')} notice={notice}>
      {user && <p class="greeting">{t('home.greeting', { name: user.name })}</p>}
      <h1>{t('provider.courses.title')}</h1>
      <p>
        <a class="button primary" href="/provider/courses/new">
          {t('provider.courses.new')}
        </a>
      </p>
      <ItemList items={courses} class="cards" empty={t('provider.courses.none')} id="course-list">
        {(c) => (
          <li class="card" key={c.id}>
            <h2 class="h3">
              <a href={`/provider/courses/${c.id}`}>{c.title}</a>
            </h2>
            <ul class="facts">
              <li>{t('provider.courses.dates', { start: c.startDate, end: c.endDate })}</li>
              <li>{c.address}</li>
              <li>{t('provider.courses.seats', { enrolled: c.enrolledCount, capacity: c.capacity })}</li>
              {c.subsidized && <li class="yes">{t('provider.courses.subsidized')}</li>}
              {c.status === 'cancelled' && <li class="warning">{t('provider.courses.cancelled')}</li>}
            </ul>
          </li>
        )}
      </ItemList>
    </Layout>
  );
}
