import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminLoginRequest, ChangePasswordRequest, DevLoginRequest, WechatLoginRequest } from '@torch-red/shared';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsName, IsNotBlank, Optional } from '../../../common/validation/decorators';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'the code from wx.login()' })
  @IsString({ message: 'code 必须是字符串' })
  @IsNotBlank({ message: 'code 不能为空' })
  @MaxLength(128, { message: 'code 过长' })
  code: string;
}

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ example: 'demo-member-zhangwei' })
  @IsString({ message: 'openid 必须是字符串' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'openid 只能包含字母、数字、- 和 _，最长 64 位' })
  openid: string;

  @ApiPropertyOptional({ example: '张伟' })
  @Optional()
  @IsName(100, '张伟')
  name?: string;
}

export class AdminLoginDto implements AdminLoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotBlank({ message: '请输入用户名' })
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: '请输入当前密码' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ description: 'at least 12 characters from 3 of: lower-case, upper-case, digits, symbols; not common, not a simple sequence' })
  @IsString()
  @IsNotEmpty({ message: '请输入新密码' })
  @MaxLength(200, { message: '密码最多 200 位' })
  newPassword: string;
}
