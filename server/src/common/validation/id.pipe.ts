import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error';

/** Route ids are positive integers; anything else is "not found", like a missing row. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new AppError('NOT_FOUND');
    const id = Number(value);
    if (!Number.isSafeInteger(id)) throw new AppError('NOT_FOUND');
    return id;
  }
}

export const IdParam = (name = 'id'): ParameterDecorator => Param(name, IdPipe);
