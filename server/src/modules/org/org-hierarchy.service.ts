import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChainEntity } from './chain.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { OrgEntity } from './org.entity';
import { OrgTree } from './org-tree';

/** One row of counts and last-change times; any org, enterprise or chain write changes it. */
const FINGERPRINT_SQL =
  'SELECT (SELECT COUNT(*) FROM orgs) AS o, (SELECT MAX(updatedAt) FROM orgs) AS ou, ' +
  '(SELECT COUNT(*) FROM enterprises) AS e, (SELECT MAX(updatedAt) FROM enterprises) AS eu, ' +
  '(SELECT COUNT(*) FROM chains) AS c, (SELECT MAX(updatedAt) FROM chains) AS cu';

/**
 * Hands out the current {@link OrgTree}. The snapshot is kept between requests and re-read only
 * when the database says the orgs, enterprises or chains changed (a one-row fingerprint query),
 * so every process sees another process's writes on its next request without a shared cache.
 */
@Injectable()
export class OrgHierarchy {
  private cached?: { fingerprint: string; tree: OrgTree };
  private loading?: Promise<{ fingerprint: string; tree: OrgTree }>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async tree(): Promise<OrgTree> {
    const fingerprint = await this.fingerprint();
    if (this.cached?.fingerprint === fingerprint) return this.cached.tree;
    // Requests arriving together share one reload.
    this.loading ??= this.load(fingerprint).finally(() => (this.loading = undefined));
    const loaded = await this.loading;
    this.cached = loaded;
    return loaded.tree;
  }

  private async fingerprint(): Promise<string> {
    const [row] = (await this.dataSource.query(FINGERPRINT_SQL)) as Array<Record<string, unknown>>;
    const stamp = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));
    return ['o', 'ou', 'e', 'eu', 'c', 'cu'].map((k) => stamp(row[k])).join('|');
  }

  private async load(fingerprint: string): Promise<{ fingerprint: string; tree: OrgTree }> {
    const [orgs, enterprises, chains] = await Promise.all([
      this.dataSource.getRepository(OrgEntity).find({ select: { id: true, parentId: true, enterpriseId: true, type: true } }),
      this.dataSource.getRepository(EnterpriseEntity).find({ select: { id: true, chainId: true } }),
      this.dataSource.getRepository(ChainEntity).find({ select: { id: true, committeeOrgId: true } }),
    ]);
    return { fingerprint, tree: new OrgTree(orgs, enterprises, chains) };
  }
}
