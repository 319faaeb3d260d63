import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ONBOARDING_LIMITS,
  POLITICAL_STATUSES,
  REPRESENTATION_KINDS,
  type BindPhoneRequest,
  type CreateJoinRequestRequest,
  type CreateRepresentationRequest,
  type JoinCodeParams,
  type JoinRequestStatus,
  type OnboardingListQuery,
  type PoliticalStatus,
  type RedeemBindingCodeRequest,
  type RejectRequestBody,
  type RepresentationKind,
} from '@torch-red/shared';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsNotBlank, IsOptionalId, IsRequiredId, Optional, Trim } from '../../../../common/validation/decorators';

const STATUSES: JoinRequestStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

export class BindPhoneDto implements BindPhoneRequest {
  @ApiProperty({ description: 'detail.code of the getPhoneNumber button', maxLength: 128 })
  @IsString({ message: '授权码必须是文字' })
  @IsNotBlank({ message: '缺少手机号授权码' })
  @MaxLength(128, { message: '授权码格式不正确' })
  code: string;
}

export class RedeemBindingCodeDto implements RedeemBindingCodeRequest {
  @ApiProperty({ example: 'AC3D4E', minLength: 6, maxLength: 12 })
  @Trim()
  @IsString({ message: '绑定码必须是文字' })
  @Length(6, 12, { message: '请输入 6 位绑定码' })
  code: string;
}

export class JoinCodeParamDto implements JoinCodeParams {
  @Trim()
  @IsString()
  @Length(4, 20, { message: '入组织码格式不正确' })
  code: string;
}

export class CreateJoinRequestDto implements CreateJoinRequestRequest {
  @ApiProperty({ example: 'ACDEFGHJ', maxLength: 20 })
  @Trim()
  @IsString({ message: '入组织码必须是文字' })
  @Length(4, 20, { message: '入组织码格式不正确' })
  code: string;

  @ApiProperty({ maxLength: ONBOARDING_LIMITS.nameMax, example: '张三' })
  @Trim()
  @IsString({ message: '姓名必须是文字' })
  @IsNotBlank({ message: '请填写姓名' })
  @MaxLength(ONBOARDING_LIMITS.nameMax, { message: `姓名不超过 ${ONBOARDING_LIMITS.nameMax} 字` })
  name: string;

  @ApiProperty({ enum: POLITICAL_STATUSES })
  @IsIn(POLITICAL_STATUSES, { message: '请选择政治面貌' })
  politicalStatus: PoliticalStatus;

  @IsOptionalId('所在企业')
  enterpriseId?: string | null;
}

export class CreateRepresentationDto implements CreateRepresentationRequest {
  @IsRequiredId('企业')
  enterpriseId: string;

  @ApiProperty({ enum: REPRESENTATION_KINDS })
  @IsIn(REPRESENTATION_KINDS, { message: '请选择企业家或企业联络人' })
  kind: RepresentationKind;
}

export class DecisionReasonDto implements RejectRequestBody {
  @ApiProperty({ maxLength: ONBOARDING_LIMITS.reasonMax })
  @Trim()
  @IsString({ message: '原因必须是文字' })
  @IsNotBlank({ message: '请填写不通过的原因' })
  @MaxLength(ONBOARDING_LIMITS.reasonMax, { message: `原因不超过 ${ONBOARDING_LIMITS.reasonMax} 字` })
  reason: string;
}

export class OnboardingListQueryDto implements OnboardingListQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @Optional()
  @IsIn(STATUSES, { message: 'status 必须是 PENDING / APPROVED / REJECTED 之一' })
  status?: JoinRequestStatus;
}
