import { ApiProperty } from '@nestjs/swagger';
import type { UserStatusRequest } from '@torch-red/shared';
import { IsBoolean } from 'class-validator';

export class UserStatusDto implements UserStatusRequest {
  @ApiProperty({ description: 'true disables the person (and ends their sessions); false enables them again' })
  @IsBoolean({ message: 'disabled 必须是 true 或 false' })
  disabled: boolean;
}
