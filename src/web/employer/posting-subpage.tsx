import type { ComponentChildren } from 'preact';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

/** A page about one of the employer's postings: the way back to the list, and its title. */
export function PostingSubpage(props: { title: string; notice?: string; children: ComponentChildren }) {
  const { t } = useWeb();
  return (
    <Layout title={props.title} notice={props.notice}>
      <p>
        <a href="/employer/postings">← {t('employer.back')}</a>
      </p>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
