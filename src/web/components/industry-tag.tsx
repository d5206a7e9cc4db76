import type { Industry } from '../../kernel/domain-enums';
import { useWeb } from '../render';
import { INDUSTRY_ICON, industryLabel } from './labels';

/** The industry's icon and word, side by side (the icon is decoration). */
export function IndustryTag({ industry }: { industry: Industry }) {
  const { t } = useWeb();
  return (
    <span class="industry">
      <span class="ico" aria-hidden="true">
        {INDUSTRY_ICON[industry]}
      </span>
      {t(industryLabel(industry))}
    </span>
  );
}
