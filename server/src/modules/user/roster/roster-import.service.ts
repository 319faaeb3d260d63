import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PARTY_POST_LABELS,
  POLITICAL_STATUS_LABELS,
  ROSTER_COLUMNS,
  ROSTER_LIMITS,
  type ImportRosterResponse,
  type ImportRowError,
  type OrgType,
} from '@torch-red/shared';
import type ExcelJS from 'exceljs';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { DataCipher, maskPhone } from '../../../common/crypto/data-cipher';
import { AppError } from '../../../common/errors/app-error';
import { buildSpreadsheet, cellText, loadWorkbook } from '../../../common/xlsx/spreadsheet';
import { bulkWrite } from '../../../database/bulk-write';
import { Tx } from '../../../database/tx.service';
import { AccessPolicy } from '../../access/access-policy.service';
import { AuditService, type AuditEntry } from '../../audit/audit.service';
import { OrgDirectory } from '../../org/org-directory.service';
import { chinaDay } from '../../study/study-calendar';
import { UserEntity } from '../user.entity';
import { syncPostGrants, type PostChange } from './post-grants';
import { parseRosterRow, type RosterRow } from './roster-rows';

const CHUNK = 500;
/** What a roster row sets on a person (a re-import also clears leftAt: they are back). */
const UPSERT_FIELDS = ['name', 'orgId', 'enterpriseId', 'politicalStatus', 'partyPost', 'partyJoinedAt', 'leftAt', 'leftOrgId'] as const;
/** Row errors sent back at most; the message still says how many rows were bad. */
const MAX_REPORTED_ERRORS = 1000;

const invalid = (message: string, errors: ImportRowError[]): AppError => new AppError('ROSTER_IMPORT_INVALID', message, errors.slice(0, MAX_REPORTED_ERRORS));

/**
 * Roster (花名册) import: every row is checked before anything is written, and a file with any bad row
 * writes nothing. A clean file is applied in one transaction, matching people by the phone's lookup hash,
 * so importing the same file again changes nothing and never creates a second person. Lookups and writes
 * go in batches of 500 (a 10,000-row roster is a few dozen statements, not tens of thousands).
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
  ) {}

  async template(): Promise<Buffer> {
    return buildSpreadsheet({
      name: '花名册',
      freezeHeader: true,
      columns: ROSTER_COLUMNS.map((header) => ({ header, key: header, width: header === '所在党组织' || header === '所在企业' ? 28 : 14 })),
      rows: [
        {
          姓名: '张三',
          手机号: '13800138000',
          所在党组织: '（填写系统中党组织的全称）',
          政治面貌: `${POLITICAL_STATUS_LABELS.FULL_MEMBER}`,
          所在企业: '（可不填）',
          党内职务: `${PARTY_POST_LABELS.MEMBER}`,
          入党日期: '2010-07-01',
        },
      ],
    });
  }

  async import(actor: AuthUser, file: Buffer): Promise<ImportRosterResponse> {
    const cells = await this.readCells(file);
    const lookups = await this.lookups(actor);
    const errors: ImportRowError[] = [];
    const rows: RosterRow[] = [];
    const firstRowOfPhone = new Map<string, number>();
    for (const { row, values } of cells) {
      const parsed = parseRosterRow(row, values, lookups);
      if (Array.isArray(parsed)) {
        errors.push(...parsed);
        continue;
      }
      const first = firstRowOfPhone.get(parsed.phone);
      if (first !== undefined) {
        errors.push({ row, column: '手机号', message: `手机号：与第 ${first} 行重复，一个手机号只能出现一次` });
        continue;
      }
      firstRowOfPhone.set(parsed.phone, row);
      rows.push(parsed);
    }
    if (errors.length) throw this.rowErrors(errors);
    if (rows.length === 0) throw invalid('文件中没有人员', [{ row: 2, message: '文件中没有人员' }]);
    return this.tx.run((m) => this.apply(m, actor, rows, lookups.allowedOrgIds));
  }

  private async readCells(file: Buffer): Promise<Array<{ row: number; values: string[] }>> {
    const workbook = await loadWorkbook(file);
    if (!workbook) throw invalid('无法读取文件，请使用下载的 .xlsx 模板', [{ row: 0, message: '不是有效的 .xlsx 文件' }]);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw invalid('文件中没有工作表', [{ row: 0, message: '文件中没有工作表' }]);
    const header = ROSTER_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value).trim());
    if (header.join('|') !== ROSTER_COLUMNS.join('|')) {
      throw invalid('表头与模板不一致，请使用下载的模板', [{ row: 1, message: `表头应为：${ROSTER_COLUMNS.join('、')}` }]);
    }
    if (sheet.rowCount - 1 > ROSTER_LIMITS.importMaxRows) {
      throw invalid(`一次最多导入 ${ROSTER_LIMITS.importMaxRows} 人`, [{ row: 0, message: `一次最多导入 ${ROSTER_LIMITS.importMaxRows} 人，请分批导入` }]);
    }
    const out: Array<{ row: number; values: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row: ExcelJS.Row, r: number) => {
      if (r === 1) return;
      const values = ROSTER_COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value).trim());
      if (values.some((v) => v !== '')) out.push({ row: r, values });
    });
    return out;
  }

  private async lookups(actor: AuthUser) {
    const [orgs, enterprises] = await Promise.all([this.orgs.allOrgs(), this.orgs.allEnterprises()]);
    const orgsByName = new Map<string, Array<{ id: number; type: OrgType }>>();
    for (const o of orgs) orgsByName.set(o.name, [...(orgsByName.get(o.name) ?? []), { id: o.id, type: o.type }]);
    const enterprisesByName = new Map<string, number[]>();
    for (const e of enterprises) enterprisesByName.set(e.name, [...(enterprisesByName.get(e.name) ?? []), e.id]);
    const allowedOrgIds = await this.policy.allowed(actor, 'roster.manage', orgs.map((o) => o.id));
    return { orgsByName, enterprisesByName, allowedOrgIds, today: chinaDay(this.clock.now()) };
  }

  private rowErrors(errors: ImportRowError[]): AppError {
    const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
    return invalid(`第 ${errors[0].row} 行：${errors[0].message}（共 ${rowsWithErrors} 行有错误，未导入任何人员）`, errors);
  }

  private async apply(m: EntityManager, actor: AuthUser, rows: RosterRow[], allowedOrgIds: Set<number>): Promise<ImportRosterResponse> {
    const repo = m.getRepository(UserEntity);
    const hashOf = new Map(rows.map((r) => [r, this.cipher.lookupHash(r.phone)]));
    const existing = new Map<string, UserEntity>();
    const hashes = [...hashOf.values()];
    for (let i = 0; i < hashes.length; i += CHUNK) {
      for (const u of await repo.find({ where: { phoneHash: In(hashes.slice(i, i + CHUNK)) } })) existing.set(u.phoneHash!, u);
    }
    // A number already belonging to someone in an org the importer does not manage is not theirs to move.
    const foreign = rows.filter((r) => {
      const orgId = existing.get(hashOf.get(r)!)?.orgId ?? null;
      return orgId !== null && !allowedOrgIds.has(orgId);
    });
    if (foreign.length) {
      throw this.rowErrors(foreign.map((r) => ({ row: r.row, column: '手机号', message: '手机号：该人员已在其他党组织的花名册中，请联系其所在党组织办理组织关系转接' })));
    }
    const orgTypes = new Map((await this.orgs.allOrgs()).map((o) => [o.id, o.type]));

    const writes: unknown[][] = [];
    const audits: AuditEntry[] = [];
    const changes: Array<{ row: RosterRow; before: UserEntity | null }> = [];
    let unchanged = 0;
    for (const row of rows) {
      const hash = hashOf.get(row)!;
      const before = existing.get(hash) ?? null;
      const fields = {
        name: row.name,
        orgId: row.orgId,
        enterpriseId: row.enterpriseId,
        politicalStatus: row.politicalStatus,
        partyPost: row.partyPost,
        partyJoinedAt: row.partyJoinedAt,
        leftAt: null,
        leftOrgId: null,
      };
      if (before && (Object.keys(fields) as Array<keyof typeof fields>).every((k) => before[k] === fields[k])) {
        unchanged++;
        continue;
      }
      writes.push([hash, before?.phoneEnc ?? this.cipher.encrypt(row.phone), ...UPSERT_FIELDS.map((k) => fields[k]), false]);
      changes.push({ row, before });
    }
    await bulkWrite(m, 'users', ['phoneHash', 'phoneEnc', ...UPSERT_FIELDS, 'isSample'], writes, { conflictColumn: 'phoneHash', update: UPSERT_FIELDS });

    const createdHashes = changes.filter((c) => !c.before).map((c) => hashOf.get(c.row)!);
    const idByHash = new Map([...existing.values()].map((u) => [u.phoneHash!, u.id]));
    for (let i = 0; i < createdHashes.length; i += CHUNK) {
      for (const u of await repo.find({ select: { id: true, phoneHash: true }, where: { phoneHash: In(createdHashes.slice(i, i + CHUNK)) } })) idByHash.set(u.phoneHash!, u.id);
    }

    const postChanges: PostChange[] = changes.map(({ row, before }) => ({
      userId: idByHash.get(hashOf.get(row)!)!,
      before: before ? { post: before.partyPost, orgId: before.orgId, orgType: before.orgId === null ? null : (orgTypes.get(before.orgId) ?? null) } : null,
      after: { post: row.partyPost, orgId: row.orgId, orgType: row.orgType },
    }));
    const delta = await syncPostGrants(m, postChanges, actor.id);

    for (const { row, before } of changes) {
      const id = idByHash.get(hashOf.get(row)!)!;
      const after = { name: row.name, phone: maskPhone(row.phone), orgId: row.orgId, enterpriseId: row.enterpriseId, politicalStatus: row.politicalStatus, partyPost: row.partyPost, partyJoinedAt: row.partyJoinedAt };
      audits.push({
        actorId: actor.id,
        action: before ? 'roster.person.update' : 'roster.person.create',
        entityType: 'user',
        entityId: id,
        before: before ? { name: before.name, orgId: before.orgId, enterpriseId: before.enterpriseId, politicalStatus: before.politicalStatus, partyPost: before.partyPost, partyJoinedAt: before.partyJoinedAt, leftAt: before.leftAt } : undefined,
        after: { ...after, row: row.row },
      });
    }
    const result: ImportRosterResponse = {
      created: createdHashes.length,
      updated: changes.length - createdHashes.length,
      unchanged,
      rolesGranted: delta.granted.length,
      rolesRevoked: delta.revoked.length,
    };
    const orgIds = [...new Set(rows.map((r) => r.orgId))];
    audits.push({ actorId: actor.id, action: 'roster.import', entityType: 'roster', entityId: null, after: { ...result, rows: rows.length, orgIds, granted: delta.granted.slice(0, 200), revoked: delta.revoked.slice(0, 200) } });
    await this.audit.recordMany(audits, m);
    return result;
  }
}
