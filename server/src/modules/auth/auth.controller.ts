import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminLoginResponse, DemoPerson, LoginResponse } from '@torch-red/shared';
import { Public } from '../../common/auth/access.decorator';
import { AuthService } from './auth.service';
import { AdminLoginDto, DevLoginDto, WechatLoginDto } from './dto/auth.dto';

@ApiTags('auth')
@Public()
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/wechat-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a wx.login() code for an access token (jscode2session)' })
  wechatLogin(@Body() dto: WechatLoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto.code, ip);
  }

  @Post('auth/dev-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: sign in as any openid (found or created). 404 when dev login is off.' })
  devLogin(@Body() dto: DevLoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.devLogin(dto.openid, dto.name, ip);
  }

  @Get('auth/demo-people')
  @ApiOperation({ summary: 'Development only: the seeded sample people the H5 sign-in page offers. 404 when dev login is off.' })
  demoPeople(): Promise<DemoPerson[]> {
    return this.auth.demoPeople();
  }

  @Post('admin/auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admin sign-in with username and password' })
  adminLogin(@Body() dto: AdminLoginDto, @Ip() ip: string): Promise<AdminLoginResponse> {
    return this.auth.adminLogin(dto.username, dto.password, ip);
  }
}
