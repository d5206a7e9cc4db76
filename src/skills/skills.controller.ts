import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../access/access.decorator';
import { SkillsService, type SkillDto } from './skills.service';

export class SkillQuery {
  @ApiPropertyOptional({ description: 'Name, synonym, pinyin (caicha) or initials (cc)', example: '摘茶' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

@ApiTags('skills')
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '[{ code, nameZh, nameEn, category, synonyms }]' })
  search(@Query() q: SkillQuery): Promise<SkillDto[]> {
    return this.skills.search(q.q);
  }
}
