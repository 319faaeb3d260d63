import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { FieldError } from '@torch-red/shared';
import { AppError } from '../errors/app-error';
import { NOT_NULL } from './decorators';
import { normaliseTextInput } from './text-input';
import { memoiseValidationMetadata } from './validation-metadata';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A refused null says so once, instead of also "must be a string" and "must not exceed…".
    const constraints = error.constraints?.[NOT_NULL] ? { [NOT_NULL]: error.constraints[NOT_NULL] } : (error.constraints ?? {});
    const own = Object.values(constraints).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function validationFailed(details: FieldError[]): AppError {
  const first = details[0];
  return new AppError('VALIDATION_FAILED', first ? `提交的内容有误：${first.message}` : undefined, details);
}

/**
 * The global pipe: text is normalised once (see text-input.ts), then the DTO is transformed and validated.
 * Route params are left as the raw strings: each has its own pipe (IdPipe), and the default conversion
 * (`+value`) would turn `0x10` or `1.6e1` into a valid-looking id first.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const normalised = normaliseTextInput(value);
      if (normalised.invalid.length) throw validationFailed(normalised.invalid);
      value = normalised.value;
    }
    return super.transform(value, metadata);
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') return value;
    return super.transformPrimitive(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
