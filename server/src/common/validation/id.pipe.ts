import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error';

const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/** An id as the API spells it: decimal digits without sign, leading zero, spaces or exponent, within the safe integers. */
export function isCanonicalId(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL_ID.test(value) && Number.isSafeInteger(Number(value));
}

/**
 * Route ids are positive integers in canonical spelling; anything else (`0x10`, `1.6e1`, `016`, ` 6`)
 * is "not found", like a missing row. The global validation pipe leaves route params untouched, so this
 * pipe sees the raw string.
 */
@Injectable()
export class IdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    if (!isCanonicalId(value)) throw new AppError('NOT_FOUND');
    return Number(value);
  }
}

export const IdParam = (name = 'id'): ParameterDecorator => Param(name, IdPipe);
