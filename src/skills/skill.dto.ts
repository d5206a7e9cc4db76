import { ApiProperty } from '@nestjs/swagger';
import { SKILL_CATEGORY_CODES } from './skill-categories';

export class SkillDto {
  @ApiProperty({ example: 'tea.picking' })
  code!: string;

  @ApiProperty({ example: '采茶' })
  nameZh!: string;

  @ApiProperty({ example: 'Tea picking' })
  nameEn!: string;

  @ApiProperty({ enum: SKILL_CATEGORY_CODES, example: 'tea' })
  category!: string;

  @ApiProperty({ type: [String], example: ['摘茶', '采茶叶'] })
  synonyms!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Certificate type that proves the skill (e.g. electrician, driving_c1)',
    example: null,
  })
  certificate!: string | null;
}

export class SkillCategoryDto {
  @ApiProperty({ enum: SKILL_CATEGORY_CODES, example: 'tea', description: 'An API.md industry value' })
  code!: string;

  @ApiProperty({ example: '茶叶' })
  nameZh!: string;

  @ApiProperty({ example: 'Tea' })
  nameEn!: string;

  @ApiProperty({ example: 18, description: 'Number of skills in the category' })
  count!: number;
}
