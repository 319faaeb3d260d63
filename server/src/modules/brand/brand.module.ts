import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { NotificationModule } from '../notification/notification.module';
import { BrandController } from './brand.controller';
import { BrandPostService } from './brand-post.service';
import { BrandReviewService } from './brand-review.service';
import { BrandViews } from './brand-views.service';
import { BrandService } from './brand.service';

@Module({
  imports: [AuditModule, MediaModule, NotificationModule],
  controllers: [BrandController],
  providers: [BrandService, BrandPostService, BrandReviewService, BrandViews],
  exports: [BrandService],
})
export class BrandModule {}
