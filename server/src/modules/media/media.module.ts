import { Module } from '@nestjs/common';
import { FileStorage, LocalDiskStorage } from './file-storage';
import { ImageService } from './image.service';
import { MediaController } from './media.controller';

@Module({
  controllers: [MediaController],
  providers: [{ provide: FileStorage, useClass: LocalDiskStorage }, ImageService],
  exports: [ImageService],
})
export class MediaModule {}
