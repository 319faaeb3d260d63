import { Get, SetMetadata } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_KEY, Authenticated, CurrentUser } from './access.decorator';
import type { AuthUser } from './auth-user';
import { PrincipalProof, type LoadedPrincipal } from './principal';

const person = (name: string): AuthUser => ({ id: 7, name }) as unknown as AuthUser;

describe('@Authenticated({ confirmInQuery: true })', () => {
  it('refuses, when the class is defined, a handler that does not take the caller', () => {
    expect(() => {
      class NoCaller {
        @Authenticated({ confirmInQuery: true })
        read(): string {
          return 'x';
        }
      }
      return NoCaller;
    }).toThrow(/needs the caller as a @CurrentUser\(\) parameter/);
  });

  it('keeps the metadata of the decorators on either side on the function Nest calls', () => {
    class Reads {
      @Get('things')
      @Authenticated({ confirmInQuery: true })
      @SetMetadata('below', 1)
      read(@CurrentUser() user: AuthUser): string {
        return user.name;
      }
    }
    const handler = Reads.prototype.read;
    expect(Reflect.getMetadata(PATH_METADATA, handler)).toBe('things');
    expect(Reflect.getMetadata(ACCESS_KEY, handler)).toEqual({ kind: 'authenticated', roles: [], confirmInQuery: true });
    expect(Reflect.getMetadata('below', handler)).toBe(1);
    expect(handler.name).toBe('read');
  });

  describe('the answer leaves only once the principal is confirmed', () => {
    const calls: string[] = [];
    class Reads {
      @Authenticated({ confirmInQuery: true })
      async read(@CurrentUser() user: AuthUser): Promise<string> {
        calls.push(user.name);
        // The handler's query records what the database has now (here: the name is the stamp).
        user.proof?.record(current.stamp);
        if (user.name === 'missing') throw new Error('not found');
        return user.name;
      }
    }
    let current: LoadedPrincipal;
    let fullReads = 0;
    const proofFor = (remembered: string) => {
      const user = person(remembered);
      user.proof = new PrincipalProof(7, remembered, '(stamp)', async () => {
        fullReads += 1;
        if (current.disabled) throw new Error('ACCOUNT_DISABLED');
        return current;
      });
      return user;
    };
    const now = (name: string, disabled = false) => {
      current = { user: person(name), tokenVersion: 1, disabled, stamp: name };
    };
    beforeEach(() => {
      calls.length = 0;
      fullReads = 0;
    });

    it('confirmed: one run, no full read', async () => {
      now('甲');
      expect(await new Reads().read(proofFor('甲'))).toBe('甲');
      expect([calls, fullReads]).toEqual([['甲'], 0]);
    });

    it('changed: read in full, run again with the fresh principal', async () => {
      now('乙');
      expect(await new Reads().read(proofFor('甲'))).toBe('乙');
      expect([calls, fullReads]).toEqual([['甲', '乙'], 1]);
    });

    it('refused on the full read: the handler’s answer never leaves', async () => {
      now('甲', true);
      current.stamp = 'other';
      await expect(new Reads().read(proofFor('甲'))).rejects.toThrow('ACCOUNT_DISABLED');
    });

    it('an error of the handler leaves only after the check too', async () => {
      now('missing');
      const user = proofFor('missing');
      // No row carried the stamp: the proof stays unread, so the person is read in full first.
      user.proof!.record = () => undefined;
      await expect(new Reads().read(user)).rejects.toThrow('not found');
      expect(fullReads).toBe(1);
    });

    it('without a proof (the guard read the person in full) the handler just runs', async () => {
      now('甲');
      expect(await new Reads().read(person('甲'))).toBe('甲');
      expect([calls, fullReads]).toEqual([['甲'], 0]);
    });
  });
});
