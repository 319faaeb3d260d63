import { Injectable } from '@nestjs/common';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, NEED_URGENCY_LABELS } from '@torch-red/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { formatChinaDateTime } from '../../common/clock';
import { buildSpreadsheet } from '../../common/xlsx/spreadsheet';
import { AuditService } from '../audit/audit.service';
import type { NeedListQueryDto } from './dto/need.dto';
import { NeedQueryService } from './need-query.service';

const COLUMNS = [
  { header: '编号', key: 'id', width: 8 },
  { header: '企业', key: 'enterprise', width: 20 },
  { header: '标题', key: 'title', width: 30 },
  { header: '类别', key: 'category', width: 10 },
  { header: '紧急程度', key: 'urgency', width: 10 },
  { header: '状态', key: 'status', width: 10 },
  { header: '承办部门', key: 'departments', width: 30 },
  { header: '是否超期', key: 'overdue', width: 10 },
  { header: '提出人', key: 'raiser', width: 10 },
  { header: '提出时间', key: 'createdAt', width: 18 },
  { header: '办结时间', key: 'resolvedAt', width: 18 },
  { header: '评分', key: 'rating', width: 6 },
  { header: '办理结果', key: 'answer', width: 40 },
];

/** The ledger as .xlsx: every row the filters select (not a page of them); each export is audited. */
@Injectable()
export class NeedExportService {
  constructor(
    private readonly query: NeedQueryService,
    private readonly audit: AuditService,
  ) {}

  async ledgerXlsx(user: AuthUser, q: NeedListQueryDto): Promise<{ filename: string; buffer: Buffer }> {
    const rows = await this.query.ledgerRows(user, q);
    const summaries = await this.query.summaries(user, rows);
    const sheetRows = rows.map((n, i) => {
      const s = summaries[i];
      return {
        id: n.id,
        enterprise: s.enterpriseName,
        title: n.title,
        category: NEED_CATEGORY_LABELS[n.category],
        urgency: NEED_URGENCY_LABELS[n.urgency],
        status: NEED_STATUS_LABELS[n.status],
        departments: s.departments.join('、'),
        overdue: s.overdue ? '是' : '否',
        raiser: s.raisedByName,
        createdAt: formatChinaDateTime(n.createdAt),
        resolvedAt: n.resolvedAt ? formatChinaDateTime(n.resolvedAt) : '',
        rating: n.rating ?? '',
        answer: n.answer ?? '',
      };
    });
    const buffer = await buildSpreadsheet({ name: '需求台账', columns: COLUMNS, rows: sheetRows });
    const { limit: _limit, cursor: _cursor, ...filters } = q;
    await this.audit.record({ actorId: user.id, action: 'need.export', entityType: 'need', entityId: null, after: { filters, rows: rows.length } });
    return { filename: '需求台账.xlsx', buffer };
  }
}
