import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS } from '@torch-red/shared';

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims surrounding white space from a string field before it is validated. */
export const Trim = (): PropertyDecorator => trim;

/** A time as ISO-8601 with an offset (2026-12-01T09:00:00+08:00). */
export const IsIsoTime = (): PropertyDecorator =>
  IsISO8601({ strict: true, strictSeparator: true }, { message: '时间格式应为 ISO-8601，例如 2026-12-01T09:00:00+08:00' });

/** A required display name: trimmed, not empty, at most `max` characters. */
export function IsName(max: number = LIMITS.nameMaxLength, example = '示例名称'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ maxLength: max, example }),
    trim,
    IsString({ message: '名称必须是文字' }),
    IsNotEmpty({ message: '名称不能为空' }),
    MaxLength(max, { message: `名称不能超过 ${max} 个字` }),
  );
}

/** An optional id given as a decimal string (ids are strings in JSON); null clears it. */
export function IsOptionalId(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '1', description }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value)),
    IsOptional(),
    IsString({ message: 'id 必须是字符串' }),
    Matches(/^[1-9][0-9]{0,15}$/, { message: 'id 格式不正确' }),
  );
}

export function IsRequiredId(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, example: '1', description }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value)),
    IsString({ message: 'id 必须是字符串' }),
    Matches(/^[1-9][0-9]{0,15}$/, { message: 'id 格式不正确' }),
  );
}
