import { Body, Controller, Get, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminLoginResponse, DemoPerson, LoginResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser, Public } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { AuthService } from './auth.service';
import { AdminLoginDto, ChangePasswordDto, DevLoginDto, WechatLoginDto } from './dto/auth.dto';

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

  @Put('admin/auth/password')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Change my admin password (password-login admins); ends my other sessions and returns a fresh token; audited' })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<AdminLoginResponse> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Sign out everywhere: every token of mine stops working' })
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }
}
