import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The venue QR code: a signed token for one activity and one 30-second window. The current and the
 * previous window are accepted (a person scanning at the turn of a window still gets in); anything
 * older — a screenshot passed around — is refused.
 */
export class CheckinTokens {
  constructor(
    private readonly key: Buffer,
    readonly rotateSeconds: number,
  ) {}

  windowAt(now: Date): number {
    return Math.floor(now.getTime() / (this.rotateSeconds * 1000));
  }

  issue(activityId: number, now: Date): { token: string; shortCode: string; expiresAt: Date } {
    const window = this.windowAt(now);
    return {
      token: `TRCHK:${activityId}:${window}:${this.signature(activityId, window)}`,
      shortCode: this.shortCode(activityId, window),
      expiresAt: new Date((window + 1) * this.rotateSeconds * 1000),
    };
  }

  verify(activityId: number, code: string, now: Date): boolean {
    const current = this.windowAt(now);
    for (const window of [current, current - 1]) {
      if (/^\d{6}$/.test(code)) {
        if (safeEqual(code, this.shortCode(activityId, window))) return true;
        continue;
      }
      const expected = `TRCHK:${activityId}:${window}:${this.signature(activityId, window)}`;
      if (safeEqual(code, expected)) return true;
    }
    return false;
  }

  private signature(activityId: number, window: number): string {
    return createHmac('sha256', this.key).update(`checkin:${activityId}:${window}`).digest('base64url').slice(0, 22);
  }

  private shortCode(activityId: number, window: number): string {
    const digest = createHmac('sha256', this.key).update(`checkin-short:${activityId}:${window}`).digest();
    return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
