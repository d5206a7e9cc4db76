import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../access/access.decorator';
import { SkillCategoryDto, SkillDto } from './skill.dto';
import { SkillsService } from './skills.service';

export class SkillQuery {
  @ApiPropertyOptional({
    description:
      'Chinese name or synonym (摘茶), pinyin (caicha), initials (cc), pinyin prefix (cai), English name or code; ' +
      'blank lists every skill; otherwise at most 50, best first',
    example: '摘茶',
    maxLength: 50,
  })
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
  @ApiOperation({ summary: 'Search the skill catalogue (names, synonyms, pinyin)' })
  @Public()
  @ApiOkResponse({ type: [SkillDto] })
  search(@Query() q: SkillQuery): Promise<SkillDto[]> {
    return this.skills.search(q.q);
  }

  // declared before :code so "categories" is not read as a skill code
  @Get('categories')
  @ApiOperation({ summary: 'List the skill categories' })
  @Public()
  @ApiOkResponse({
    type: [SkillCategoryDto],
    description: 'Categories (API.md industry values) with skill counts',
  })
  categories(): Promise<SkillCategoryDto[]> {
    return this.skills.categories();
  }

  @Get(':code')
  @ApiOperation({ summary: 'Get a skill by its code' })
  @Public()
  @ApiParam({ name: 'code', example: 'tea.picking' })
  @ApiOkResponse({ type: SkillDto })
  @ApiNotFoundResponse({ description: 'No skill with this code' })
  find(@Param('code') code: string): Promise<SkillDto> {
    return this.skills.find(code);
  }
}
