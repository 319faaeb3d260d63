import { EventSubscriber } from 'typeorm';
import type {
  EntitySubscriberInterface, InsertEvent, QueryRunner, RemoveEvent, SoftRemoveEvent, TransactionCommitEvent, UpdateEvent,
} from 'typeorm';
import { bumpDataVersion, ORG_TREE_VERSION } from '../../database/data-version';
import { ChainEntity } from './chain.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { OrgEntity } from './org.entity';

const TREE_TABLES = new Set<unknown>([OrgEntity, EnterpriseEntity, ChainEntity]);
const DIRTY = 'orgTreeChanged';

type Flags = Record<string, unknown>;

/**
 * Every write to an organisation, enterprise or chain through TypeORM (repository saves, query-builder updates
 * and deletes) moves the org tree's counter on in the same transaction, so no writer can forget it and every
 * process's cached `OrgTree` is re-read on its next request. Inside a transaction the counter is bumped once,
 * right before COMMIT: its row lock is then the last lock the transaction takes, so two writers of different
 * orgs cannot deadlock on it. (A flag left by a rolled-back transaction costs at most one needless bump.) Registered on the data source itself, so the demo seed is covered too.
 * Hand-written SQL on these tables would have to call `bumpDataVersion` itself (there is none).
 */
@EventSubscriber()
export class OrgTreeVersionSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return this.changed(event.metadata.target, event.queryRunner);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return this.changed(event.metadata.target, event.queryRunner);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return this.changed(event.metadata.target, event.queryRunner);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): Promise<void> {
    return this.changed(event.metadata.target, event.queryRunner);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const flags = event.queryRunner.data as Flags;
    if (!flags[DIRTY]) return;
    delete flags[DIRTY];
    await bumpDataVersion(event.manager, ORG_TREE_VERSION);
  }

  private async changed(target: unknown, queryRunner: QueryRunner): Promise<void> {
    if (!TREE_TABLES.has(target)) return;
    if (queryRunner.isTransactionActive) (queryRunner.data as Flags)[DIRTY] = true;
    else await bumpDataVersion(queryRunner.manager, ORG_TREE_VERSION);
  }
}
