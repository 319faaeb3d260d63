import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppealCategory } from '@torch-red/shared';
import { DataSource } from 'typeorm';
import { AppealEntity } from './appeal.entity';

/** What the needs ledger takes over from a 月月谈 appeal. */
export interface AppealForNeed {
  id: number;
  userId: number;
  enterpriseId: number | null;
  category: AppealCategory;
  content: string;
}

/** The talk module's read model for other modules: appeals as the needs ledger takes them over. */
@Injectable()
export class AppealDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One appeal (null: no such appeal). */
  async forNeed(appealId: number): Promise<AppealForNeed | null> {
    return this.dataSource
      .getRepository(AppealEntity)
      .findOne({ select: { id: true, userId: true, enterpriseId: true, category: true, content: true }, where: { id: appealId } });
  }
}

/** Global so that the need module reads appeals without importing TalkModule (which reaches activities). */
@Global()
@Module({ providers: [AppealDirectory], exports: [AppealDirectory] })
export class AppealDirectoryModule {}
