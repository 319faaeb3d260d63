import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  BindingCandidate,
  BindingCodeResponse,
  BindingResult,
  BindingStatusResponse,
  JoinCodePreview,
  JoinCodeResponse,
  JoinRequestResponse,
  RepresentationRequestResponse,
} from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../../common/auth/access.decorator';
import type { AuthUser } from '../../../common/auth/auth-user';
import { IdParam } from '../../../common/validation/id.pipe';
import { BindingService } from './binding.service';
import {
  BindPhoneDto,
  CreateJoinRequestDto,
  CreateRepresentationDto,
  JoinCodeParamDto,
  OnboardingListQueryDto,
  RedeemBindingCodeDto,
  DecisionReasonDto,
} from './dto/onboarding.dto';
import { JoinService } from './join.service';
import { RepresentationService } from './representation.service';

const MANAGERS = { roles: ['SECRETARY' as const, 'COMMITTEE' as const] };

@ApiTags('onboarding')
@Controller()
export class OnboardingController {
  constructor(
    private readonly binding: BindingService,
    private readonly joins: JoinService,
    private readonly representations: RepresentationService,
  ) {}

  @Get('me/binding')
  @Authenticated()
  @ApiOperation({ summary: 'What is bound (org, enterprise, phone, departments) and what is pending, for 我的' })
  status(@CurrentUser() user: AuthUser): Promise<BindingStatusResponse> {
    return this.binding.status(user);
  }

  @Post('me/binding/phone')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Bind the phone WeChat vouches for (getPhoneNumber code); attaches the roster person with that phone' })
  bindPhone(@CurrentUser() user: AuthUser, @Body() dto: BindPhoneDto): Promise<BindingResult> {
    return this.binding.bindPhone(user, dto.code);
  }

  @Post('me/binding/code')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Bind with a one-time code a secretary issued (single use, 24 h, wrong attempts limited)' })
  redeem(@CurrentUser() user: AuthUser, @Body() dto: RedeemBindingCodeDto): Promise<BindingResult> {
    return this.binding.redeemCode(user, dto.code);
  }

  @Get('join-codes/:code')
  @Authenticated()
  @ApiOperation({ summary: 'The organisation behind a join code (wrong codes are limited per person)' })
  preview(@CurrentUser() user: AuthUser, @Param() params: JoinCodeParamDto): Promise<JoinCodePreview> {
    return this.joins.preview(user, params.code);
  }

  @Post('me/join-requests')
  @Authenticated()
  @ApiOperation({ summary: 'Ask to join the organisation of a join code' })
  requestJoin(@CurrentUser() user: AuthUser, @Body() dto: CreateJoinRequestDto): Promise<JoinRequestResponse> {
    return this.joins.request(user, dto);
  }

  @Get('me/join-requests')
  @Authenticated()
  @ApiOperation({ summary: 'My join requests, newest first' })
  myJoinRequests(@CurrentUser() user: AuthUser): Promise<JoinRequestResponse[]> {
    return this.joins.mine(user);
  }

  @Post('me/representation-requests')
  @Authenticated()
  @ApiOperation({ summary: 'Ask to represent an enterprise (企业家 / 企业联络人)' })
  requestRepresentation(@CurrentUser() user: AuthUser, @Body() dto: CreateRepresentationDto): Promise<RepresentationRequestResponse> {
    return this.representations.request(user, dto);
  }

  @Get('me/representation-requests')
  @Authenticated()
  @ApiOperation({ summary: 'My enterprise representation requests, newest first' })
  myRepresentations(@CurrentUser() user: AuthUser): Promise<RepresentationRequestResponse[]> {
    return this.representations.mine(user);
  }

  @Get('workspace/orgs/:id/join-code')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: "The org's live join code with its QR, or null" })
  joinCode(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<JoinCodeResponse | null> {
    return this.joins.joinCode(user, id);
  }

  @Post('workspace/orgs/:id/join-code')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Issue a new join code for the org (the previous one stops working)' })
  renewJoinCode(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<JoinCodeResponse> {
    return this.joins.renewJoinCode(user, id);
  }

  @Delete('workspace/orgs/:id/join-code')
  @HttpCode(204)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: "Revoke the org's join code" })
  revokeJoinCode(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<void> {
    return this.joins.revokeJoinCode(user, id);
  }

  @Get('workspace/orgs/:id/binding-candidates')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Roster people of the org (and below) not yet bound to a WeChat account' })
  candidates(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<BindingCandidate[]> {
    return this.binding.candidates(user, id);
  }

  @Post('workspace/roster/:id/binding-code')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Issue a one-time binding code for a roster person (shown once; earlier codes stop working)' })
  issueCode(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<BindingCodeResponse> {
    return this.binding.issueCode(user, id);
  }

  @Get('workspace/join-requests')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Join requests to the orgs the caller manages' })
  joinRequests(@CurrentUser() user: AuthUser, @Query() q: OnboardingListQueryDto): Promise<JoinRequestResponse[]> {
    return this.joins.list(user, q.status);
  }

  @Post('workspace/join-requests/:id/approve')
  @HttpCode(200)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Approve: the person joins the org with the political status they gave' })
  approveJoin(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<JoinRequestResponse> {
    return this.joins.approve(user, id);
  }

  @Post('workspace/join-requests/:id/reject')
  @HttpCode(200)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Reject with a reason the person is told' })
  rejectJoin(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: DecisionReasonDto): Promise<JoinRequestResponse> {
    return this.joins.reject(user, id, dto.reason);
  }

  @Get('workspace/representation-requests')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Representation requests for enterprises the caller may decide on' })
  representationRequests(@CurrentUser() user: AuthUser, @Query() q: OnboardingListQueryDto): Promise<RepresentationRequestResponse[]> {
    return this.representations.list(user, q.status);
  }

  @Post('workspace/representation-requests/:id/approve')
  @HttpCode(200)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: "Approve: the person's enterprise becomes the requested one" })
  approveRepresentation(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<RepresentationRequestResponse> {
    return this.representations.approve(user, id);
  }

  @Post('workspace/representation-requests/:id/reject')
  @HttpCode(200)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Reject with a reason the person is told' })
  rejectRepresentation(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: DecisionReasonDto): Promise<RepresentationRequestResponse> {
    return this.representations.reject(user, id, dto.reason);
  }
}
