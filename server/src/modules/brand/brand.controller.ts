import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BrandDetail, BrandSummary, BrandWorkspaceResponse, LikeResponse, Page, PostResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { BrandPostService } from './brand-post.service';
import { BrandReviewService } from './brand-review.service';
import { BrandService } from './brand.service';
import { BrandListQueryDto, DemoPointDto, PostReviewDto, ReturnBrandDto, ReviewListQueryDto, SaveBrandDto, SavePostDto } from './dto/brand.dto';

@ApiTags('brands')
@Controller()
export class BrandController {
  constructor(
    private readonly brands: BrandService,
    private readonly posts: BrandPostService,
    private readonly reviews: BrandReviewService,
  ) {}

  @Get('brands')
  @Authenticated()
  @ApiOperation({ summary: 'Published brands by chain / enterprise; demonstration points first (views and likes never rank)' })
  list(@Query() query: BrandListQueryDto): Promise<Page<BrandSummary>> {
    return this.brands.list(query);
  }

  @Get('brands/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A published brand with its gallery, story and pioneer posts; counts a view' })
  detail(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<BrandDetail> {
    return this.brands.detail(user, id);
  }

  @Post('brands/:id/like')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Like (once per person; repeating changes nothing)' })
  like(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<LikeResponse> {
    return this.brands.like(user, id, true);
  }

  @Delete('brands/:id/like')
  @Authenticated()
  unlike(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<LikeResponse> {
    return this.brands.like(user, id, false);
  }

  @Get('workspace/orgs/:orgId/brand')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: "The organisation's brand working copy, review state and posts (null when none yet)" })
  workspace(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number): Promise<BrandWorkspaceResponse | null> {
    return this.brands.workspace(user, orgId);
  }

  @Put('workspace/orgs/:orgId/brand')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Save the working copy (the published version stays visible until a new one is approved)' })
  save(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Body() dto: SaveBrandDto): Promise<BrandWorkspaceResponse> {
    return this.brands.save(user, orgId, dto);
  }

  @Post('workspace/orgs/:orgId/brand/submit')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  submit(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number): Promise<BrandWorkspaceResponse> {
    return this.brands.submit(user, orgId);
  }

  @Post('workspace/orgs/:orgId/posts')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Add a 党员先锋岗 / 党员责任区 (published with the brand)' })
  createPost(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Body() dto: SavePostDto): Promise<PostResponse> {
    return this.posts.createPost(user, orgId, dto);
  }

  @Patch('workspace/posts/:id')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  updatePost(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: SavePostDto): Promise<PostResponse> {
    return this.posts.updatePost(user, id, dto);
  }

  @Delete('workspace/posts/:id')
  @HttpCode(204)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  deletePost(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<void> {
    return this.posts.deletePost(user, id);
  }

  @Post('workspace/posts/:id/reviews')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Record a periodic review of a post (date, note)' })
  review(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: PostReviewDto): Promise<PostResponse> {
    return this.posts.addReview(user, id, dto);
  }

  @Get('review/brands')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'Brands waiting for my review (industry committee staff of their chain, or admin), the longest waiting first, a page at a time' })
  queue(@CurrentUser() user: AuthUser, @Query() query: ReviewListQueryDto): Promise<Page<BrandWorkspaceResponse>> {
    return this.reviews.queue(user, query);
  }

  @Post('review/brands/:id/approve')
  @HttpCode(200)
  @Authenticated({ roles: ['COMMITTEE'] })
  approve(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<BrandWorkspaceResponse> {
    return this.reviews.approve(user, id);
  }

  @Post('review/brands/:id/return')
  @HttpCode(200)
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'Send back with a reason' })
  sendBack(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: ReturnBrandDto): Promise<BrandWorkspaceResponse> {
    return this.reviews.sendBack(user, id, dto.reason);
  }

  @Put('admin/brands/:id/demo-point')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Name (or un-name) a brand a 示范点, with the year' })
  demoPoint(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: DemoPointDto): Promise<BrandSummary> {
    return this.reviews.setDemoPoint(user, id, dto);
  }
}
