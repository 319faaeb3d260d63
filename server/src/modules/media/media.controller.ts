import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IMAGE_LIMITS, type ImageResponse } from '@torch-red/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, Public } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { readUploadedFile } from '../../common/validation/multipart';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { ImageService } from './image.service';

@ApiTags('files')
@Controller()
export class MediaController {
  constructor(
    private readonly images: ImageService,
    private readonly rateLimit: RateLimitService,
  ) {}

  @Post('uploads/images')
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload an image (JPG/PNG/WebP/GIF, ≤ 8 MB); checked by content, re-encoded, metadata stripped' })
  async upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<ImageResponse> {
    await this.rateLimit.consume(`upload:${user.id}`, 120, 3600);
    if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传图片（字段名 file）');
    const body = await readUploadedFile(request, {
      limits: { fileSize: IMAGE_LIMITS.maxBytes, files: 1 },
      tooLarge: 'IMAGE_TOO_LARGE',
      missing: '请选择要上传的图片（字段名 file）',
    });
    return this.images.store(user.id, body);
  }

  @Get('files/img/:year/:name')
  @Public()
  @ApiOperation({
    summary:
      'An uploaded image. Public images (brands): random names that never change, cached for a year. Images of needs: only with the signed, expiring `exp`/`sig` the API put in their URL; otherwise 404',
  })
  @ApiQuery({ name: 'exp', required: false, description: 'expiry of a signed URL (Unix seconds)' })
  @ApiQuery({ name: 'sig', required: false, description: 'signature of a signed URL' })
  async file(
    @Param('year') year: string,
    @Param('name') name: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!/^\d{4}$/.test(year) || !/^[0-9a-f-]{36}-\d+\.(jpg|png)$/.test(name)) throw new AppError('NOT_FOUND');
    const found = await this.images.read(`img/${year}/${name}`, { exp: typeof exp === 'string' ? exp : undefined, sig: typeof sig === 'string' ? sig : undefined });
    if (!found) throw new AppError('NOT_FOUND');
    const cacheControl = found.privateUntil
      ? `private, max-age=${Math.max(0, Math.min(3600, Math.floor((found.privateUntil.getTime() - Date.now()) / 1000)))}`
      : 'public, max-age=31536000, immutable';
    await reply
      .header('content-type', found.contentType)
      .header('cache-control', cacheControl)
      .header('x-content-type-options', 'nosniff')
      .send(found.body);
  }
}
