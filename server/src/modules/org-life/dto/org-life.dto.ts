import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  COMPLIANCE_STATES,
  MEETING_ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_LIMITS,
  MEETING_PERIOD_UNITS,
  MEETING_STATUSES,
  type AttendeeInput,
  type ComplianceExportQuery,
  type ComplianceQuery,
  type ComplianceState,
  type CorrectMeetingRequest,
  type MeetingAttendanceStatus,
  type MeetingBookQuery,
  type MeetingCalendarQuery,
  type MeetingInput,
  type MeetingKind,
  type MeetingListQuery,
  type MeetingPeriodUnit,
  type MeetingRuleDto,
  type MeetingStatus,
  type SaveMeetingRulesRequest,
  type SetAttendeesRequest,
} from '@torch-red/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { EachNested, IsIdString, IsIsoTime, IsOptionalId, IsRequiredId, Optional, OptionalOrNull, OptionalText, RequiredText } from '../../../common/validation/decorators';
import { KeysetQueryDto } from '../../../common/validation/page-query.dto';

const L = MEETING_LIMITS;

export class MeetingInputDto implements MeetingInput {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS, { message: '请选择会议类型' })
  kind: MeetingKind;

  @ApiProperty({ example: '2026-03-20T14:30:00+08:00' })
  @IsIsoTime()
  startsAt: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-03-20T16:30:00+08:00' })
  @OptionalOrNull()
  @IsIsoTime()
  endsAt?: string | null;

  @OptionalText(L.placeMaxLength, '地点')
  place?: string | null;

  @ApiPropertyOptional({ description: 'held online (then place may stay empty)' })
  @Optional()
  @IsBoolean({ message: '是否线上必须是 true 或 false' })
  online?: boolean;

  @OptionalText(L.personNameMaxLength, '主持人')
  hostName?: string | null;

  @OptionalText(L.personNameMaxLength, '记录人')
  recorderName?: string | null;

  @RequiredText(L.topicMaxLength, '会议主题', '学习贯彻党的二十届四中全会精神')
  topic: string;

  @OptionalText(L.textMaxLength, '议程')
  agenda?: string | null;

  @OptionalText(L.textMaxLength, '会议记录')
  minutes?: string | null;

  @OptionalText(L.textMaxLength, '决议')
  resolutions?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'images the caller uploaded (POST /api/uploads/images); replaces the record’s photos' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(L.maxImages, { message: `最多上传 ${L.maxImages} 张图片` })
  @IsIdString({ each: true, message: '图片 id 格式不正确' })
  imageIds?: string[];

  @IsOptionalId('create only: an ended activity of this org whose attendance (and cover photo) the record takes')
  fromActivityId?: string | null;
}

export class AttendeeDto implements AttendeeInput {
  @IsRequiredId('a member of the organisation')
  userId: string;

  @ApiProperty({ enum: MEETING_ATTENDANCE_STATUSES })
  @IsIn(MEETING_ATTENDANCE_STATUSES, { message: '出席情况只能是出席、请假或缺席' })
  status: MeetingAttendanceStatus;

  @OptionalText(L.reasonMaxLength, '请假原因')
  reason?: string | null;
}

export class SetAttendeesDto implements SetAttendeesRequest {
  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ArrayMaxSize(L.maxAttendees)
  @EachNested(() => AttendeeDto)
  attendees: AttendeeDto[];
}

export class CorrectMeetingDto extends MeetingInputDto implements CorrectMeetingRequest {
  @ApiPropertyOptional({ type: [AttendeeDto], description: 'replaces the attendance list when given' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(L.maxAttendees)
  @EachNested(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @RequiredText(L.reasonMaxLength, '更正原因', '补录漏记的请假人员')
  reason: string;
}

export class MeetingRuleItemDto implements MeetingRuleDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS, { message: '请选择会议类型' })
  kind: MeetingKind;

  @ApiProperty({ enum: MEETING_PERIOD_UNITS })
  @IsIn(MEETING_PERIOD_UNITS, { message: '周期只能是每月、每季度或每年' })
  unit: MeetingPeriodUnit;

  @ApiProperty()
  @IsBoolean({ message: 'required 必须是 true 或 false' })
  required: boolean;
}

export class SaveMeetingRulesDto implements SaveMeetingRulesRequest {
  @ApiProperty({ type: [MeetingRuleItemDto], description: 'the org’s overrides; kinds left out follow DEFAULT_MEETING_RULES' })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(MEETING_KINDS.length)
  @EachNested(() => MeetingRuleItemDto)
  rules: MeetingRuleItemDto[];
}

/** A year in China time (2000–2099); defaults to the current one. */
function YearQuery(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ minimum: 2000, maximum: 2099, example: 2026 })(target, key);
    Optional()(target, key);
    Type(() => Number)(target, key);
    IsInt({ message: 'year 必须是整数年份' })(target, key);
    Min(2000, { message: 'year 必须在 2000 到 2099 之间' })(target, key);
    Max(2099, { message: 'year 必须在 2000 到 2099 之间' })(target, key);
  };
}

export class MeetingListQueryDto extends KeysetQueryDto implements MeetingListQuery {
  @YearQuery()
  year?: number;

  @ApiPropertyOptional({ enum: MEETING_KINDS })
  @Optional()
  @IsIn(MEETING_KINDS)
  kind?: MeetingKind;

  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @Optional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class MeetingYearQueryDto implements MeetingCalendarQuery, MeetingBookQuery {
  @YearQuery()
  year?: number;
}

/** `2026-03`, `2026-Q1` or `2026` (China time). */
const PERIOD = /^20\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export class ComplianceExportQueryDto implements ComplianceExportQuery {
  @ApiProperty({ example: '2026-Q1', description: 'a month (2026-03), quarter (2026-Q1) or year (2026), China time' })
  @Matches(PERIOD, { message: 'period 应为月份（2026-03）、季度（2026-Q1）或年份（2026）' })
  period: string;

  @ApiPropertyOptional()
  @Optional()
  @IsIdString()
  chainId?: string;

  @ApiPropertyOptional({ enum: MEETING_KINDS })
  @Optional()
  @IsIn(MEETING_KINDS)
  kind?: MeetingKind;

  @ApiPropertyOptional({ enum: COMPLIANCE_STATES })
  @Optional()
  @IsIn(COMPLIANCE_STATES)
  state?: ComplianceState;
}

/** The compliance table's filters and page (the export takes the same filters and ignores the page). */
export class ComplianceQueryDto extends IntersectionType(KeysetQueryDto, ComplianceExportQueryDto) implements ComplianceQuery {}
