import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrandEntity } from './brand.entity';

export interface PublishedBrandRef {
  brandId: number;
  orgId: number;
  isDemoPoint: boolean;
}

/** The brand module's read model for other modules: which organisations have a published brand. */
@Injectable()
export class BrandDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every published brand, demonstration points (示范点) first, then oldest first. */
  async published(): Promise<PublishedBrandRef[]> {
    const rows: Array<{ brandId: number | string; orgId: number | string; isDemoPoint: number | boolean }> = await this.dataSource
      .getRepository(BrandEntity)
      .createQueryBuilder('b')
      .select('b.id', 'brandId')
      .addSelect('b.orgId', 'orgId')
      .addSelect('b.isDemoPoint', 'isDemoPoint')
      .where('b.published IS NOT NULL')
      .orderBy('b.isDemoPoint', 'DESC')
      .addOrderBy('b.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({ brandId: Number(r.brandId), orgId: Number(r.orgId), isDemoPoint: Boolean(Number(r.isDemoPoint)) }));
  }
}

/** Global so that the org module's chain map can link brands without a module cycle (brand already reads orgs). */
@Global()
@Module({ providers: [BrandDirectory], exports: [BrandDirectory] })
export class BrandDirectoryModule {}
