import type { SkillDto } from '../../skills/skill.dto';
import { type Option } from '../components/form';
import { useWeb } from '../render';
import { levelLabel } from '../components/labels';

/** A skill on the posting form: picked (checkbox), its minimum level and whether it is required. */
export interface PickedSkill {
  code: string;
  name: string;
  minLevel: number;
  required: boolean;
  checked: boolean;
}

export function SkillPick({ s }: { s: PickedSkill }) {
  const { t } = useWeb();
  const id = s.code.replace(/[^a-zA-Z0-9_-]/g, '-');
  const levels: Option[] = [1, 2, 3, 4].map((n) => ({ value: String(n), label: t(levelLabel(n)) }));
  return (
    <li class="card skill-pick">
      <label class="choice">
        <input type="checkbox" name="skill" value={s.code} checked={s.checked} />
        <span>{s.name}</span>
      </label>
      <div class="pair">
        <div class="field">
          <label for={`lvl-${id}`}>{`${s.name}：${t('employer.form.minLevel')}`}</label>
          <select id={`lvl-${id}`} name={`level_${s.code}`}>
            {levels.map((o) => (
              <option key={o.value} value={o.value} selected={Number(o.value) === s.minLevel}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`need-${id}`}>{`${s.name}：${t('employer.form.need')}`}</label>
          <select id={`need-${id}`} name={`need_${s.code}`}>
            <option value="required" selected={s.required}>
              {t('employer.form.required')}
            </option>
            <option value="preferred" selected={!s.required}>
              {t('employer.form.preferred')}
            </option>
          </select>
        </div>
      </div>
    </li>
  );
}

export function skillOptionsFrom(skills: SkillDto[], chosen: Set<string>): PickedSkill[] {
  return skills
    .filter((s) => !chosen.has(s.code))
    .map((s) => ({ code: s.code, name: s.nameZh, minLevel: 1, required: true, checked: false }));
}
