import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ACTIVITY_LIMITS,
  ACTIVITY_TYPES,
  ACTIVITY_VISIBILITIES,
  ATTENDANCE_STATUSES,
  FORM_FIELD_TYPES,
  SECRETARY_ACTIVITY_TYPES,
  type ActivityListQuery,
  type ActivityType,
  type ActivityVisibility,
  type AttendanceStatus,
  type CancelActivityRequest,
  type CheckinRequest,
  type CreateActivityRequest,
  type FormAnswers,
  type FormField,
  type FormFieldType,
  type LeaveRequest,
  type RegisterRequest,
  type RejectRequest,
  type SetAttendanceRequest,
  type UpdateActivityRequest,
} from '@torch-red/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EachNested, IsIsoTime, IsName, IsNotBlank, IsOptionalId, IsRequiredId, Optional, OptionalOrNull, PartialType, Trim } from '../../../common/validation/decorators';
import { PageQueryDto } from '../../../common/validation/page-query.dto';

export class FormFieldDto implements FormField {
  @ApiProperty({ example: 'company' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, { message: '报名项的 key 只能以字母开头，包含字母、数字和 _，最长 32 位' })
  key: string;

  @IsName(50, '单位名称')
  label: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsIn(FORM_FIELD_TYPES, { message: `报名项类型必须是 ${FORM_FIELD_TYPES.join(' / ')} 之一` })
  type: FormFieldType;

  @ApiProperty()
  @IsBoolean({ message: 'required 必须是 true 或 false' })
  required: boolean;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(ACTIVITY_LIMITS.optionsMax, { message: `选项最多 ${ACTIVITY_LIMITS.optionsMax} 个` })
  @IsString({ each: true })
  @IsNotBlank({ each: true, message: '选项不能为空' })
  @MaxLength(ACTIVITY_LIMITS.optionMaxLength, { each: true, message: `选项不超过 ${ACTIVITY_LIMITS.optionMaxLength} 个字` })
  options?: string[];
}

export class CreateActivityDto implements CreateActivityRequest {
  @IsRequiredId('the organisation that holds the activity (you must be its secretary)')
  orgId: string;

  @IsName(ACTIVITY_LIMITS.titleMaxLength, '发展纾难 共谋未来 政企座谈会')
  title: string;

  @ApiProperty({ enum: SECRETARY_ACTIVITY_TYPES })
  @IsIn(SECRETARY_ACTIVITY_TYPES, { message: '请选择活动类型' })
  type: ActivityType;

  @ApiProperty()
  @IsString()
  @MaxLength(ACTIVITY_LIMITS.descriptionMaxLength, { message: `活动介绍不超过 ${ACTIVITY_LIMITS.descriptionMaxLength} 字` })
  description: string;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(500)
  @Matches(/^(https?:\/\/|\/)/, { message: '封面图片地址应以 http(s):// 或 / 开头' })
  coverUrl?: string | null;

  @ApiProperty({ example: '新兴产业党群服务中心' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写活动地点（线上活动可填“线上”）' })
  @MaxLength(ACTIVITY_LIMITS.locationMaxLength)
  location: string;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(500)
  @Matches(/^https?:\/\//, { message: '线上链接应以 http(s):// 开头' })
  onlineUrl?: string | null;

  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' })
  @IsIsoTime()
  startAt: string;

  @ApiProperty({ example: '2026-12-01T11:00:00+08:00' })
  @IsIsoTime()
  endAt: string;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsIsoTime()
  signupStartAt?: string | null;

  @ApiProperty({ example: '2026-11-30T18:00:00+08:00' })
  @IsIsoTime()
  signupEndAt: string;

  @ApiProperty({ nullable: true, description: 'seats; null = unlimited' })
  @OptionalOrNull()
  @IsInt({ message: '名额必须是整数' })
  @Min(1, { message: '名额至少为 1' })
  @Max(ACTIVITY_LIMITS.capacityMax)
  capacity: number | null;

  @ApiProperty()
  @IsBoolean()
  waitlist: boolean;

  @ApiProperty()
  @IsBoolean()
  requiresApproval: boolean;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsIsoTime()
  cancelDeadline?: string | null;

  @ApiProperty({ type: [FormFieldDto] })
  @IsArray()
  @ArrayMaxSize(ACTIVITY_LIMITS.formFieldsMax, { message: `报名项最多 ${ACTIVITY_LIMITS.formFieldsMax} 个` })
  @EachNested(() => FormFieldDto)
  formFields: FormFieldDto[];

  @ApiPropertyOptional({ enum: ACTIVITY_VISIBILITIES, description: 'who may see and sign up; default PUBLIC' })
  @Optional()
  @IsIn(ACTIVITY_VISIBILITIES, { message: '可见范围只能是 本组织 / 本产业链 / 公开' })
  visibility?: ActivityVisibility;
}

export class UpdateActivityDto extends PartialType(OmitType(CreateActivityDto, ['orgId'] as const)) implements UpdateActivityRequest {}

export class CancelActivityDto implements CancelActivityRequest {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(ACTIVITY_LIMITS.reasonMaxLength)
  reason?: string;
}

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: { company: '明阳风电' } })
  @IsObject({ message: 'answers 必须是对象' })
  answers: FormAnswers;
}

export class LeaveDto implements LeaveRequest {
  @ApiProperty({ example: '出差在外' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写请假原因' })
  @MaxLength(ACTIVITY_LIMITS.reasonMaxLength)
  reason: string;
}

export class RejectDto implements RejectRequest {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(ACTIVITY_LIMITS.reasonMaxLength)
  reason?: string;
}

export class SetAttendanceDto implements SetAttendanceRequest {
  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES, { message: `attendance 必须是 ${ATTENDANCE_STATUSES.join(' / ')} 之一` })
  attendance: AttendanceStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(ACTIVITY_LIMITS.reasonMaxLength)
  reason?: string;
}

export class CheckinDto implements CheckinRequest {
  @ApiProperty({ description: 'the scanned QR text, or the 6-digit code' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请输入签到码' })
  @MaxLength(200)
  code: string;
}

export class ActivityListQueryDto extends PageQueryDto implements ActivityListQuery {
  @IsOptionalId()
  orgId?: string;

  @IsOptionalId()
  chainId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES })
  @Optional()
  @IsIn(ACTIVITY_TYPES, { message: '活动类型不正确' })
  type?: ActivityType;

  @ApiPropertyOptional({ description: 'activities starting at or after this time' })
  @Optional()
  @IsIsoTime()
  from?: string;

  @ApiPropertyOptional({ description: 'activities starting before this time' })
  @Optional()
  @IsIsoTime()
  to?: string;

  @ApiPropertyOptional({ enum: ['START'], description: 'START: earliest start first' })
  @Optional()
  @IsIn(['START'], { message: 'sort 只能是 START' })
  sort?: 'START';
}
