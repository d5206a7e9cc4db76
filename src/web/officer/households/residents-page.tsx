import type { Page } from '../../../kernel/pagination';
import type { ResidentSummaryDto } from '../../../residents/dto/resident.dto';
import { OfficerPage, Pager, SitePicker, type SiteOption } from '../officer-layout';
import { siteListHref, TotalCount } from '../officer-lists';
import { ResidentTable } from './household-labels';

/** `/officer/residents`: residents of a site (the list behind the employment rate). */
export function ResidentsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  list: Page<ResidentSummaryDto>;
}) {
  const { list, siteId } = props;
  return (
    <OfficerPage title="officer.residents.title">
      <SitePicker action="/officer/residents" sites={props.sites} current={siteId} allowAll />
      <TotalCount n={list.total} />
      <ResidentTable residents={list.items} />
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={siteListHref('/officer/residents', siteId)}
      />
    </OfficerPage>
  );
}
