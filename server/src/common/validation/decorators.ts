import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType as SwaggerPartialType } from '@nestjs/swagger';
import { Transform, Type as TransformType } from 'class-transformer';
import {
  getMetadataStorage,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationTypes,
  type ValidationOptions,
} from 'class-validator';
import { LIMITS } from '@torch-red/shared';
import { isCanonicalId } from './id.pipe';

/** Characters that take no visible space: format characters (zero-width space/joiners, bidi marks) and Hangul/Braille fillers. */
const INVISIBLE = '\\s\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0\\u2800';
const INVISIBLE_EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'gu');
/** A character a person can see: not white space, not invisible, not a control, not a lone combining mark. */
const VISIBLE = new RegExp(`[^${INVISIBLE}\\p{Cc}\\p{Cs}\\p{Z}\\p{M}]`, 'u');

/** True when the text has at least one character a person can see (zero-width spaces alone are not a name). */
export function hasVisibleText(value: unknown): boolean {
  return typeof value === 'string' && VISIBLE.test(value);
}

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(INVISIBLE_EDGES, '') : value));

/** Trims surrounding white space and invisible characters (zero-width spaces, fillers) before the field is validated. */
export const Trim = (): PropertyDecorator => trim;

/** "Not empty" for text: at least one visible character (replaces IsNotEmpty, which accepts U+200B or a lone combining mark). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: hasVisibleText, defaultMessage: () => '$property 不能为空' } }, options);
}

/** The constraint name the validation pipe looks for: a refused null is reported alone, not with "must be a string". */
export const NOT_NULL = 'notNull';

const NotNull = (): PropertyDecorator =>
  ValidateBy({ name: NOT_NULL, validator: { validate: (value: unknown) => value !== null, defaultMessage: () => '$property 不能为 null（不修改时请省略该字段）' } });

/**
 * The field may be left out; `null` is refused with 400 (class-validator's IsOptional also lets null
 * through, which then reached NOT NULL columns and `.trim()`). Use for every optional field that has no
 * "cleared" state.
 */
export const Optional = (): PropertyDecorator =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    NotNull(),
  );

/** The field may be left out or be `null` (null clears it); document it with `nullable: true`. */
export const OptionalOrNull = (): PropertyDecorator => IsOptional();

/**
 * Swagger's PartialType, but an omitted field is optional while `null` is still validated: a PATCH with
 * `{"title": null}` is refused unless the field itself is declared nullable (OptionalOrNull).
 */
export function PartialType<T>(classRef: Type<T>): Type<Partial<T>> {
  const partial = SwaggerPartialType(classRef, { skipNullProperties: false });
  // Every field that refuses null says so by name (instead of "名称必须是文字").
  const metadata = getMetadataStorage().getTargetValidationMetadatas(classRef, '', true, false);
  for (const key of new Set(metadata.map((m) => m.propertyName))) {
    const skipsNull = metadata.some(
      (m) => m.propertyName === key && m.type === ValidationTypes.CONDITIONAL_VALIDATION && !(m.constraints[0] as (o: object, v: unknown) => boolean)({ [key]: null }, null),
    );
    if (!skipsNull) NotNull()(partial.prototype as object, key);
  }
  return partial;
}

/**
 * An array of nested objects validated as `type`. Each element must be an object: ValidateNested alone
 * accepts nested arrays (`[[[]]]`), whose missing fields then reached the SQL as NaN.
 */
export function EachNested(type: () => Type<unknown>): PropertyDecorator {
  return applyDecorators(
    IsObject({ each: true, message: '$property 的每一项必须是对象' }),
    ValidateNested({ each: true }),
    TransformType(type),
  );
}

/** A time as ISO-8601 with an offset (2026-12-01T09:00:00+08:00). */
export const IsIsoTime = (): PropertyDecorator =>
  IsISO8601({ strict: true, strictSeparator: true }, { message: '时间格式应为 ISO-8601，例如 2026-12-01T09:00:00+08:00' });

/** A required display name: trimmed, with a visible character, at most `max` characters. */
export function IsName(max: number = LIMITS.nameMaxLength, example = '示例名称'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ maxLength: max, example }),
    trim,
    IsString({ message: '名称必须是文字' }),
    IsNotBlank({ message: '名称不能为空' }),
    MaxLength(max, { message: `名称不能超过 ${max} 个字` }),
  );
}

/** Ids are strings in JSON; a safe integer number is accepted and turned into its canonical string. */
const idFromNumber = Transform(({ value }: { value: unknown }) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value));

/** A canonical decimal id (`^[1-9][0-9]{0,15}$`, a safe integer); `each` for arrays of ids. */
export function IsIdString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isIdString', validator: { validate: isCanonicalId, defaultMessage: () => 'id 格式不正确' } }, options);
}

/** An optional id given as a decimal string (ids are strings in JSON); null clears it. */
export function IsOptionalId(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '1', description }),
    idFromNumber,
    OptionalOrNull(),
    IsString({ message: 'id 必须是字符串' }),
    IsIdString({ message: 'id 格式不正确' }),
  );
}

export function IsRequiredId(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, example: '1', description }),
    idFromNumber,
    IsString({ message: 'id 必须是字符串' }),
    IsIdString({ message: 'id 格式不正确' }),
  );
}

/** A required trimmed text (with a visible character) of at most `max` characters, with a Chinese message. */
export function RequiredText(max: number, label: string, example?: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength: max, example })(target, key);
    trim(target, key);
    IsString({ message: `${label}必须是文字` })(target, key);
    IsNotBlank({ message: `请填写${label}` })(target, key);
    MaxLength(max, { message: `${label}不超过 ${max} 字` })(target, key);
  };
}

/** An optional trimmed text of at most `max` characters; null clears it. */
export function OptionalText(max: number, label: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ maxLength: max, nullable: true })(target, key);
    OptionalOrNull()(target, key);
    trim(target, key);
    IsString({ message: `${label}必须是文字` })(target, key);
    MaxLength(max, { message: `${label}不超过 ${max} 字` })(target, key);
  };
}
