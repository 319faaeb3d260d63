import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dataVersionSql, ORG_TREE_VERSION } from '../../database/data-version';
import { ChainEntity } from './chain.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { OrgEntity } from './org.entity';
import { OrgTree } from './org-tree';

/**
 * Hands out the current {@link OrgTree}. The snapshot is kept between requests and re-read only when the
 * org tree's change counter (`data_versions`, bumped in the same transaction as every org, enterprise or chain
 * write) moved, so every process sees another process's writes on its next request without a shared cache.
 * The auth guard reads the counter with the caller's roles (`AuthUser.orgTreeVersion`); pass it and no query
 * is made when the snapshot is current.
 */
@Injectable()
export class OrgHierarchy {
  private cached?: { version: string; tree: OrgTree };
  private loading?: { version: string; promise: Promise<OrgTree> };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @param knownVersion the counter as read earlier in this request (a read then is as good as one now). */
  async tree(knownVersion?: string | null): Promise<OrgTree> {
    const version = knownVersion ?? (await this.version());
    if (this.cached?.version === version) return this.cached.tree;
    // Requests arriving together share one reload.
    let loading = this.loading;
    if (loading?.version !== version) {
      const promise = this.load();
      loading = this.loading = { version, promise };
      void promise.finally(() => {
        if (this.loading?.promise === promise) this.loading = undefined;
      }).catch(() => undefined);
    }
    const tree = await loading.promise;
    // The rows were read after the counter, so they are at least as new as `version`: never label a snapshot newer than it is.
    if (!this.cached || Number(version) >= Number(this.cached.version)) this.cached = { version, tree };
    return tree;
  }

  private async version(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT ${dataVersionSql(ORG_TREE_VERSION)} AS v`)) as Array<{ v: unknown }>;
    return String(row?.v ?? '0');
  }

  private async load(): Promise<OrgTree> {
    const [orgs, enterprises, chains] = await Promise.all([
      this.dataSource.getRepository(OrgEntity).find({ select: { id: true, parentId: true, enterpriseId: true, type: true, closedAt: true } }),
      this.dataSource.getRepository(EnterpriseEntity).find({ select: { id: true, chainId: true } }),
      this.dataSource.getRepository(ChainEntity).find({ select: { id: true, committeeOrgId: true } }),
    ]);
    return new OrgTree(orgs, enterprises, chains);
  }
}
