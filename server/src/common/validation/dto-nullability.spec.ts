import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

type Condition = (object: object, value: unknown) => boolean;

/** Where @nestjs/swagger keeps ApiProperty options (DECORATORS.API_MODEL_PROPERTIES, not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** Every DTO class of every module (src/modules/<feature>/dto/*.ts), plus the shared page query. */
function dtoClasses(): Array<new () => object> {
  const modules = join(__dirname, '..', '..', 'modules');
  const files = readdirSync(modules, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = join(modules, d.name, 'dto');
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
      } catch {
        return [];
      }
    });
  files.push(join(__dirname, 'page-query.dto.ts'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- load every DTO file to inspect its metadata
  return files.flatMap((file) => Object.values(require(file) as Record<string, unknown>)).filter((v): v is new () => object => typeof v === 'function' && /Dto$/.test(v.name));
}

describe('DTO nullability', () => {
  const classes = dtoClasses();

  it('finds the DTOs', () => {
    expect(classes.length).toBeGreaterThan(50);
  });

  it('accepts null exactly where the OpenAPI document says nullable', () => {
    const mismatches: string[] = [];
    for (const cls of classes) {
      const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
      for (const key of new Set(metadata.map((m) => m.propertyName))) {
        const acceptsNull = metadata.some(
          (m) => m.propertyName === key && m.type === ValidationTypes.CONDITIONAL_VALIDATION && !(m.constraints[0] as Condition)({ [key]: null }, null),
        );
        const documented = (Reflect.getMetadata(API_MODEL_PROPERTIES, cls.prototype, key) as { nullable?: boolean } | undefined)?.nullable === true;
        if (acceptsNull !== documented) mismatches.push(`${cls.name}.${key}: accepts null ${acceptsNull}, documented nullable ${documented}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
