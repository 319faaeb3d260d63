import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IMAGE_LIMITS, type ImageResponse } from '@torch-red/shared';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, In } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { FileStorage } from './file-storage';
import { ImageEntity } from './image.entity';

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);

export function imageUrl(key: string): string {
  return `/api/files/${key}`;
}

export function toImageResponse(image: ImageEntity): ImageResponse {
  return { id: String(image.id), url: imageUrl(image.key), thumbUrl: imageUrl(image.thumbKey), width: image.width, height: image.height };
}

@Injectable()
export class ImageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

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
      }),
    );
    return toImageResponse(saved);
  }

  async read(key: string): Promise<{ body: Buffer; contentType: string } | null> {
    const body = await this.storage.get(key);
    if (!body) return null;
    return { body, contentType: key.endsWith('.png') ? 'image/png' : 'image/jpeg' };
  }

  async byIds(ids: number[]): Promise<Map<number, ImageEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ImageEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Images referenced by content must exist (anyone's upload may be reused, e.g. a shared logo). */
  async requireExisting(ids: number[]): Promise<void> {
    const found = await this.byIds(ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new AppError('VALIDATION_FAILED', '引用的图片不存在，请重新上传', missing.map((id) => ({ field: 'imageId', message: `图片 ${id} 不存在` })));
  }
}
