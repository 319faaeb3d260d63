import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BRAND_LIMITS,
  POST_KINDS,
  type BrandListQuery,
  type BrandReviewQuery,
  type DemoPointRequest,
  type PostKind,
  type PostReviewRequest,
  type ReturnBrandRequest,
  type SaveBrandRequest,
  type SavePostRequest,
  type StoryBlock,
} from '@torch-red/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EachNested, IsIdString, IsName, IsNotBlank, IsOptionalId, Optional, OptionalOrNull, Trim } from '../../../common/validation/decorators';
import { KeysetQueryDto, PageQueryDto } from '../../../common/validation/page-query.dto';

/** StoryBlock is a union, which a class cannot implement: this takes the fields of all its kinds. */
export class StoryBlockDto {
  @ApiProperty({ enum: ['heading', 'paragraph', 'image'] })
  @IsIn(['heading', 'paragraph', 'image'], { message: '内容块类型必须是 heading / paragraph / image' })
  type: StoryBlock['type'];

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(BRAND_LIMITS.blockTextMaxLength, { message: `每段文字不超过 ${BRAND_LIMITS.blockTextMaxLength} 字` })
  text?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsIdString({ message: '图片 id 格式不正确' })
  imageId?: string;
}

/** Implements SaveBrandRequest but for `story` (see StoryBlockDto). */
export class SaveBrandDto implements Omit<SaveBrandRequest, 'story'> {
  @IsName(BRAND_LIMITS.nameMaxLength, '金祥寓党支部“三服一创两满意”')
  name: string;

  @ApiProperty({ example: '服务企业、服务职工、服务社会，创新发展' })
  @Trim()
  @IsString()
  @MaxLength(BRAND_LIMITS.sloganMaxLength, { message: `口号不超过 ${BRAND_LIMITS.sloganMaxLength} 字` })
  slogan: string;

  @ApiProperty({ type: [StoryBlockDto] })
  @IsArray()
  @ArrayMaxSize(BRAND_LIMITS.storyBlocksMax, { message: `品牌故事最多 ${BRAND_LIMITS.storyBlocksMax} 段` })
  @EachNested(() => StoryBlockDto)
  story: StoryBlockDto[];

  @IsOptionalId('cover image (from POST /api/uploads/images)')
  coverImageId: string | null;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(BRAND_LIMITS.galleryMax, { message: `图集最多 ${BRAND_LIMITS.galleryMax} 张` })
  @IsIdString({ each: true, message: '图片 id 格式不正确' })
  galleryImageIds: string[];

  @ApiProperty({ type: [String], example: ['专精特新“小巨人”企业'] })
  @IsArray()
  @ArrayMaxSize(BRAND_LIMITS.honoursMax, { message: `荣誉最多 ${BRAND_LIMITS.honoursMax} 项` })
  @IsString({ each: true })
  @IsNotBlank({ each: true, message: '荣誉不能为空' })
  @MaxLength(BRAND_LIMITS.honourMaxLength, { each: true, message: `每项荣誉不超过 ${BRAND_LIMITS.honourMaxLength} 字` })
  honours: string[];
}

export class ReturnBrandDto implements ReturnBrandRequest {
  @ApiProperty({ example: '请补充品牌故事中的具体做法和成效' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写退回原因' })
  @MaxLength(BRAND_LIMITS.reasonMaxLength)
  reason: string;
}

export class DemoPointDto implements DemoPointRequest {
  @ApiProperty()
  @IsBoolean()
  isDemoPoint: boolean;

  @ApiPropertyOptional({ nullable: true, example: 2025 })
  @OptionalOrNull()
  @IsInt({ message: '年份必须是整数' })
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

export class SavePostDto implements SavePostRequest {
  @IsName(60, '聚合反应车间党员先锋岗')
  name: string;

  @ApiProperty({ enum: POST_KINDS })
  @IsIn(POST_KINDS, { message: '类型必须是党员先锋岗或党员责任区' })
  kind: PostKind;

  @IsOptionalId('the enterprise the post is in')
  enterpriseId: string | null;

  @ApiProperty({ example: '聚合反应车间' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写车间或岗位位置' })
  @MaxLength(60)
  workshop: string;

  @ApiProperty({ example: '安全生产零事故，技术攻关走在前' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写公开承诺' })
  @MaxLength(BRAND_LIMITS.commitmentMaxLength)
  commitment: string;

  @ApiProperty({ type: [String], description: 'the members who hold the post' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsIdString({ each: true, message: '人员 id 格式不正确' })
  holderIds: string[];
}

export class PostReviewDto implements PostReviewRequest {
  @ApiProperty({ example: '2026-11-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  reviewedOn: string;

  @ApiProperty({ example: '承诺事项按期完成，车间连续 300 天安全生产' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写评议意见' })
  @MaxLength(500)
  note: string;
}

export class BrandListQueryDto extends PageQueryDto implements BrandListQuery {
  @IsOptionalId()
  chainId?: string;

  @IsOptionalId()
  enterpriseId?: string;
}

export class ReviewListQueryDto extends KeysetQueryDto implements BrandReviewQuery {
  @ApiPropertyOptional({ enum: ['SUBMITTED', 'RETURNED', 'APPROVED', 'DRAFT'] })
  @Optional()
  @IsIn(['SUBMITTED', 'RETURNED', 'APPROVED', 'DRAFT'])
  status?: 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'DRAFT';
}
