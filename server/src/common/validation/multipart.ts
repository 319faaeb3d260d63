import type { ErrorCode } from '@torch-red/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

export interface UploadedFileOptions {
  /** Per-request busboy limits, e.g. `{ fileSize, files: 1 }`; the app-wide ones apply otherwise. */
  limits?: { fileSize?: number; files?: number };
  /** The code for a file over `limits.fileSize` (413), e.g. IMAGE_TOO_LARGE. */
  tooLarge?: ErrorCode;
  /** The message when the form carries no file. */
  missing: string;
}

const TOO_MANY_PARTS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads the first file of a multipart request into memory. Whatever the parser refuses (no boundary,
 * a truncated body, an unterminated part, a bad part header) is the client's malformed upload:
 * 400 BAD_MULTIPART, never a 500 and never "too large". Only a file over the size limit is `tooLarge`.
 */
export async function readUploadedFile(request: FastifyRequest, options: UploadedFileOptions): Promise<Buffer> {
  let body: Buffer | undefined;
  try {
    const file = await request.file(options.limits ? { limits: options.limits } : undefined);
    body = await file?.toBuffer();
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(options.tooLarge ?? 'PAYLOAD_TOO_LARGE');
    if (typeof code === 'string' && TOO_MANY_PARTS.has(code)) throw new AppError('PAYLOAD_TOO_LARGE', '上传的文件或字段过多');
    throw new AppError('BAD_MULTIPART');
  }
  if (!body) throw new AppError('VALIDATION_FAILED', options.missing);
  return body;
}
