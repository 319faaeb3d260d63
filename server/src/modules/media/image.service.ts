import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IMAGE_LIMITS, type ImageResponse } from '@torch-red/shared';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FileStorage } from './file-storage';
import { ImageEntity } from './image.entity';

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);

/**
 * Signed URLs of private images live at least this long. The expiry is rounded up to a whole step, so
 * the same URL comes back for a while and the mini-program's image cache keeps working.
 */
export const SIGNED_URL = { ttlSeconds: 3600, stepSeconds: 600 } as const;

function fileUrl(key: string): string {
  return `/api/files/${key}`;
}

export interface StoredFile {
  body: Buffer;
  contentType: string;
  /** Private images: until when the (signed) URL stays valid, for the cache headers. */
  privateUntil: Date | null;
}

@Injectable()
export class ImageService {
  private readonly urlKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.urlKey = createHmac('sha256', config.jwt.secret).update('torch-red:files').digest();
  }

  /**
   * How an image is shown to someone who may see the object it belongs to. Private images get signed,
   * expiring URLs (the mini-program's <Image> sends no Authorization header, so the URL itself is the key).
   */
  respond(image: ImageEntity, now = new Date()): ImageResponse {
    const url = (key: string) => (image.isPrivate ? this.signedUrl(key, now) : fileUrl(key));
    return { id: String(image.id), url: url(image.key), thumbUrl: url(image.thumbKey), width: image.width, height: image.height };
  }

  private signedUrl(key: string, now: Date): string {
    const exp = Math.ceil((now.getTime() / 1000 + SIGNED_URL.ttlSeconds) / SIGNED_URL.stepSeconds) * SIGNED_URL.stepSeconds;
    return `${fileUrl(key)}?exp=${exp}&sig=${this.signature(key, exp)}`;
  }

  private signature(key: string, exp: number): string {
    return createHmac('sha256', this.urlKey).update(`${key}\n${exp}`).digest('base64url').slice(0, 32);
  }

  private validSignature(key: string, exp: string | undefined, sig: string | undefined, now: Date): boolean {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
    if (Number(exp) * 1000 < now.getTime()) return false;
    const expected = Buffer.from(this.signature(key, Number(exp)));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * Checks an upload by its content, not its name: a real JPEG/PNG/WebP/GIF within the size and
   * dimension limits. It is re-encoded (which drops EXIF, GPS included) to a display size and a thumbnail.
   */
  async store(ownerId: number, body: Buffer): Promise<ImageResponse> {
    if (body.length > IMAGE_LIMITS.maxBytes) throw new AppError('IMAGE_TOO_LARGE');
    let meta: sharp.Metadata;
    try {
      meta = await sharp(body, { limitInputPixels: IMAGE_LIMITS.maxSide * IMAGE_LIMITS.maxSide }).metadata();
    } catch {
      throw new AppError('IMAGE_INVALID');
    }
    if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) throw new AppError('IMAGE_INVALID');
    if (meta.width > IMAGE_LIMITS.maxSide || meta.height > IMAGE_LIMITS.maxSide) throw new AppError('IMAGE_TOO_LARGE');
    if (meta.width < IMAGE_LIMITS.minSide || meta.height < IMAGE_LIMITS.minSide) throw new AppError('IMAGE_INVALID', '图片太小（至少 16×16 像素）');

    const alpha = Boolean(meta.hasAlpha);
    const encode = (width: number) => {
      const pipeline = sharp(body, { limitInputPixels: IMAGE_LIMITS.maxSide * IMAGE_LIMITS.maxSide }).rotate().resize({ width, withoutEnlargement: true });
      return (alpha ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 82, mozjpeg: true })).toBuffer({ resolveWithObject: true });
    };
    let display: { data: Buffer; info: sharp.OutputInfo };
    let thumb: { data: Buffer; info: sharp.OutputInfo };
    try {
      [display, thumb] = await Promise.all([encode(IMAGE_LIMITS.displayWidth), encode(IMAGE_LIMITS.thumbWidth)]);
    } catch {
      throw new AppError('IMAGE_INVALID');
    }
    const ext = alpha ? 'png' : 'jpg';
    const base = `img/${new Date().getUTCFullYear()}/${randomUUID()}`;
    const key = `${base}-${IMAGE_LIMITS.displayWidth}.${ext}`;
    const thumbKey = `${base}-${IMAGE_LIMITS.thumbWidth}.${ext}`;
    await this.storage.put(key, display.data);
    await this.storage.put(thumbKey, thumb.data);
    const saved = await this.dataSource.getRepository(ImageEntity).save(
      this.dataSource.getRepository(ImageEntity).create({
        ownerId,
        key,
        thumbKey,
        contentType: alpha ? 'image/png' : 'image/jpeg',
        width: display.info.width,
        height: display.info.height,
        bytes: display.data.length,
        isPrivate: false,
      }),
    );
    return this.respond(saved);
  }

  /**
   * A stored file by name. A private image needs a valid, unexpired signature; without one it is
   * "not found", exactly like a name that does not exist.
   */
  async read(key: string, signature: { exp?: string; sig?: string } = {}, now = new Date()): Promise<StoredFile | null> {
    const image = await this.dataSource.getRepository(ImageEntity).findOne({ where: [{ key }, { thumbKey: key }] });
    if (!image) return null;
    if (image.isPrivate && !this.validSignature(key, signature.exp, signature.sig, now)) return null;
    const body = await this.storage.get(key);
    if (!body) return null;
    return {
      body,
      contentType: key.endsWith('.png') ? 'image/png' : 'image/jpeg',
      privateUntil: image.isPrivate ? new Date(Number(signature.exp) * 1000) : null,
    };
  }

  async byIds(ids: number[]): Promise<Map<number, ImageEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ImageEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Images a person may attach: their own uploads, plus those already part of the object being saved
   * (e.g. a brand keeps the cover a colleague uploaded). Anyone else's image id is refused exactly like
   * one that does not exist, so an id alone never reveals an image.
   */
  async requireAttachable(user: AuthUser, ids: number[], alreadyAttached: number[] = []): Promise<void> {
    const found = await this.byIds(ids);
    const refused = [...new Set(ids)].filter((id) => {
      const image = found.get(id);
      return !image || (image.ownerId !== user.id && !alreadyAttached.includes(id));
    });
    if (refused.length) {
      throw new AppError('VALIDATION_FAILED', '引用的图片不存在，请重新上传', refused.map((id) => ({ field: 'imageId', message: `图片 ${id} 不存在` })));
    }
  }

  /** The stored image a file URL of ours points at (display or thumbnail, signed or not); null for any other URL. */
  async idOfUrl(url: string | null): Promise<number | null> {
    const match = url ? /^\/api\/files\/(img\/[\w/.-]+?)(?:\?.*)?$/.exec(url) : null;
    if (!match) return null;
    const image = await this.dataSource.getRepository(ImageEntity).findOne({ select: { id: true }, where: [{ key: match[1] }, { thumbKey: match[1] }] });
    return image?.id ?? null;
  }

  /** From now on these images are served only through signed URLs (they show a need). */
  async markPrivate(m: EntityManager, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await m.getRepository(ImageEntity).update({ id: In([...new Set(ids)]) }, { isPrivate: true });
  }
}
