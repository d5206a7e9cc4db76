import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, Public } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { RateLimits } from '../access/rate-limits';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import { PostingSearchPageDto, PostingSearchQuery } from './dto/posting-search.dto';
import {
  CreatePostingDto,
  PostingDto,
  PostingListQuery,
  PostingPageDto,
  PostingStatusDto,
  UpdatePostingDto,
} from './dto/posting.dto';
import { PostingSearchService } from './posting-search.service';
import { PostingsService } from './postings.service';

@ApiTags('postings')
@Controller()
export class PostingsController {
  constructor(
    private readonly postings: PostingsService,
    private readonly searchService: PostingSearchService,
    private readonly rateLimits: RateLimits,
  ) {}

  @Get('postings')
  @ApiOperation({ summary: 'Search open job postings' })
  @Public()
  @ApiOkResponse({ type: PostingSearchPageDto, description: 'Open postings only' })
  @ApiTooManyRequestsResponse({ description: 'Too many searches from this IP' })
  async search(
    @Query() q: PostingSearchQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.rateLimits.search(req.ip);
    // The cached page's JSON bytes, serialized once per page (PostingSearchService.searchJson):
    // the same body PostingSearchPageDto describes, without re-walking its items per request.
    void reply.type('application/json; charset=utf-8');
    return this.searchService.searchJson(q);
  }

  @Post('postings')
  @ApiOperation({ summary: 'Create a job posting (draft)' })
  @Allow('employer')
  @ApiCreatedResponse({ type: PostingDto, description: 'A draft (status draft, version 1)' })
  create(@Body() dto: CreatePostingDto, @CurrentUser() user: AuthUser): Promise<PostingDto> {
    return this.postings.create(user, dto);
  }

  @Get('postings/mine')
  @ApiOperation({ summary: 'List your own postings (the employer)' })
  @Allow('employer')
  @ApiOkResponse({ type: PostingPageDto, description: "The employer's own postings, drafts included" })
  mine(@Query() q: PostingListQuery, @CurrentUser() user: AuthUser): Promise<Page<PostingDto>> {
    return this.postings.listMine(user, q);
  }

  @Get('postings/:id')
  @ApiOperation({ summary: 'Get a job posting' })
  @Public()
  @ApiOkResponse({ type: PostingDto })
  @ApiNotFoundResponse({ description: 'No such posting, or not open and not yours / not in your area' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser | undefined): Promise<PostingDto> {
    return this.postings.get(user, id);
  }

  @Patch('postings/:id')
  @ApiOperation({ summary: 'Change a job posting' })
  @Allow('employer', 'admin')
  @ApiOkResponse({
    type: PostingDto,
    description: 'A change that matters for matching while open is a new version',
  })
  @ApiConflictResponse({ description: 'The posting is filled, closed or expired' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdatePostingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PostingDto> {
    return this.postings.update(user, id, dto);
  }

  @Post('postings/:id/publish')
  @ApiOperation({ summary: 'Publish a posting (needs a verified employer)' })
  @HttpCode(200)
  @Allow('employer', 'officer', 'admin')
  @ApiOkResponse({ type: PostingStatusDto })
  @ApiConflictResponse({ description: 'Employer not verified, or not a draft (posting.illegal_transition)' })
  publish(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<PostingStatusDto> {
    return this.postings.publish(user, id);
  }

  @Post('postings/:id/close')
  @ApiOperation({ summary: 'Close a posting' })
  @HttpCode(200)
  @Allow('employer', 'officer', 'admin')
  @ApiOkResponse({ type: PostingStatusDto })
  @ApiConflictResponse({ description: 'Not open (posting.illegal_transition)' })
  close(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<PostingStatusDto> {
    return this.postings.close(user, id);
  }

  @Get('employers/:id/postings')
  @ApiOperation({ summary: "List an employer's postings" })
  @Allow('employer', 'officer', 'admin')
  @ApiOkResponse({ type: PostingPageDto, description: 'All postings of the employer, drafts included' })
  ofEmployer(
    @IdParam() id: string,
    @Query() q: PostingListQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<PostingDto>> {
    return this.postings.listOfEmployer(user, id, q);
  }
}
