import { getMetadataStorage, IsInt, IsString, MaxLength, validate } from 'class-validator';
import { memoiseValidationMetadata } from './validation-metadata';

describe('memoised class-validator metadata', () => {
  class Base {
    @IsInt({ message: 'n 必须是整数' })
    n!: unknown;
  }
  class Child extends Base {
    @IsString({ message: 'name 必须是文本' })
    name!: unknown;
  }

  it('validates exactly as before, inherited rules included', async () => {
    memoiseValidationMetadata();
    const messages = async (v: object) => (await validate(v)).flatMap((e) => Object.values(e.constraints ?? {})).sort();
    const child = Object.assign(new Child(), { n: 'x', name: 1 });
    expect(await messages(child)).toEqual(['n 必须是整数', 'name 必须是文本']);
    expect(await messages(Object.assign(new Child(), { n: 2, name: '甲' }))).toEqual([]);
    expect(await messages(Object.assign(new Base(), { n: 'x' }))).toEqual(['n 必须是整数']);
  });

  it('a rule registered later counts: the memory is emptied', async () => {
    memoiseValidationMetadata();
    class Later {
      @IsString()
      title!: unknown;
    }
    expect(await validate(Object.assign(new Later(), { title: 'a'.repeat(10) }))).toHaveLength(0);
    // A decorator applied after the first validation (as a class defined later would register its rules).
    MaxLength(5, { message: 'title 过长' })(Later.prototype, 'title');
    const errors = await validate(Object.assign(new Later(), { title: 'a'.repeat(10) }));
    expect(errors.flatMap((e) => Object.values(e.constraints ?? {}))).toEqual(['title 过长']);
  });

  it('only the plain case is kept: groups are looked up every time', () => {
    type Storage = ReturnType<typeof getMetadataStorage>;
    const storage = new (getMetadataStorage().constructor as new () => Storage)();
    const scans = jest.spyOn(storage, 'getTargetValidationMetadatas');
    memoiseValidationMetadata(storage);
    storage.getTargetValidationMetadatas(Child, '', false, false);
    storage.getTargetValidationMetadatas(Child, '', false, false);
    storage.getTargetValidationMetadatas(Child, '', false, false, ['admin']);
    storage.getTargetValidationMetadatas(Child, '', false, false, ['admin']);
    expect(scans).toHaveBeenCalledTimes(3);
  });
});
