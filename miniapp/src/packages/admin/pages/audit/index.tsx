import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import type { AuditLogQuery, AuditLogResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { AUDIT_ACTION_KINDS, AUDIT_ENTITY_TYPES, actionLabel, entityLabel } from '@/features/admin/audit-labels';
import { listAuditLogs } from '@/features/admin/api';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminField } from '@/features/admin/components/admin-panel';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { AuditEntry } from '@/features/admin/components/audit-entry';
import { FilterChips } from '@/features/need/components/filter-chips';
import { PersonPicker, type PickedPerson } from '@/features/admin/components/person-picker';
import { SelectBox } from '@/features/admin/components/select-box';
import { usePagedList } from '@/hooks/use-paged-list';
import { formatDate, formatDateTime } from '@/lib/datetime';
import './index.scss';

const ACTION_CHIPS = [{ value: undefined, label: '全部' }, ...AUDIT_ACTION_KINDS];

const COLUMNS: Array<AdminColumn<AuditLogResponse>> = [
  { key: 'time', title: '时间', width: '1.1fr', render: (e) => formatDateTime(e.createdAt) },
  { key: 'actor', title: '操作人', width: '1fr', render: (e) => e.actorName ?? (e.actorId ? `#${e.actorId}` : '系统') },
  { key: 'action', title: '操作', width: '1.3fr', render: (e) => actionLabel(e.action) },
  { key: 'object', title: '对象', width: '1.2fr', render: (e) => `${entityLabel(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}` },
];

function DayPicker({ name, value, placeholder, onChange }: { name: string; value?: string; placeholder: string; onChange: (day?: string) => void }) {
  return (
    <View className="audit-page__day">
      <Picker mode="date" value={value ?? ''} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`admin-field__box audit-page__day-box audit-page__day-box--${name}${value ? '' : ' admin-field__box--empty'}`}>
          <Text>{value ? formatDate(value) : placeholder}</Text>
        </View>
      </Picker>
      {value ? (
        <Text className="audit-page__clear" onClick={() => onChange(undefined)}>
          清除
        </Text>
      ) : null}
    </View>
  );
}

function AuditScreen() {
  const { params } = useRouter();
  const [actor, setActor] = useState<PickedPerson>();
  const [action, setAction] = useState<string>();
  const [entityType, setEntityType] = useState<string | undefined>(params.entityType);
  const [entityId, setEntityId] = useState(params.entityId ?? '');
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [open, setOpen] = useState<string | undefined>(params.id);

  const query: AuditLogQuery = { actorId: actor?.id, action, entityType, entityId: entityId.trim() || undefined, from, to };
  const list = usePagedList((cursor) => listAuditLogs({ ...query, limit: 20, cursor }), { key: `admin:audit:${JSON.stringify(query)}` });

  const filters = (
    <View className="audit-page__filters">
      <AdminField label="操作人" name="actor">
        <PersonPicker value={actor} onChange={setActor} />
      </AdminField>
      <AdminField label="操作" name="action">
        <FilterChips name="audit-action" options={ACTION_CHIPS} value={action} onChange={setAction} />
      </AdminField>
      <AdminField label="对象" name="object">
        <View className="audit-page__object">
          <SelectBox name="entity-type" options={AUDIT_ENTITY_TYPES} value={entityType} placeholder="全部对象" clearLabel="全部对象" onChange={setEntityType} />
          <Input className="audit-page__entity-id" value={entityId} placeholder="编号" onChange={setEntityId} />
        </View>
      </AdminField>
      <AdminField label="日期" name="dates">
        <View className="audit-page__dates">
          <DayPicker name="from" value={from} placeholder="开始日期" onChange={setFrom} />
          <Text className="audit-page__to">至</Text>
          <DayPicker name="to" value={to} placeholder="结束日期" onChange={setTo} />
        </View>
      </AdminField>
    </View>
  );

  return (
    <AdminSplit
      main={
        <>
          {filters}
          <AdminTable
            name="audit"
            list={list}
            columns={COLUMNS}
            rowKey={(e) => e.id}
            selectedKey={open}
            onRowClick={(e) => setOpen(e.id)}
            empty={<EmptyState icon="document" title="没有符合条件的记录" description="换一个操作人、操作或日期再看看" />}
          />
        </>
      }
      aside={open ? <AuditEntry key={open} id={open} onClose={() => setOpen(undefined)} /> : undefined}
    />
  );
}

/** 审计日志: every admin write, by person, action, object and day; one entry opens with its before and after. */
export default function AdminAuditPage() {
  return (
    <AdminPage screen="audit" title="审计日志" subtitle="谁在什么时候做了什么：按人员、操作、对象和日期查找">
      {() => <AuditScreen />}
    </AdminPage>
  );
}
