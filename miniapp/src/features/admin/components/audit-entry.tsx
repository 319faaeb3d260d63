import { Text, View } from '@tarojs/components';
import type { AuditLogResponse } from '@torch-red/shared';
import { QueryView } from '@/components/query-view';
import { useQuery } from '@/hooks/use-query';
import { formatDateTime } from '@/lib/datetime';
import { getAuditLog } from '../api';
import { actionLabel, entityLabel } from '../audit-labels';
import { AdminField, AdminPanel } from './admin-panel';
import './audit-entry.scss';

const show = (value: unknown): string => {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
};

const fieldsOf = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Before and after side by side, field by field; the fields that changed are marked. */
function Changes({ entry }: { entry: AuditLogResponse }) {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  if ((entry.before !== null && !before) || (entry.after !== null && !after)) {
    return (
      <View className="audit-entry__changes">
        <AdminField label="操作前">
          <Text className="audit-entry__json">{show(entry.before)}</Text>
        </AdminField>
        <AdminField label="操作后">
          <Text className="audit-entry__json">{show(entry.after)}</Text>
        </AdminField>
      </View>
    );
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <Text className="audit-entry__none">这次操作没有记录字段变化</Text>;
  return (
    <View className="audit-entry__table">
      <View className="audit-entry__row audit-entry__row--head">
        <Text>字段</Text>
        <Text>操作前</Text>
        <Text>操作后</Text>
      </View>
      {keys.map((key) => {
        const was = show(before?.[key]);
        const now = show(after?.[key]);
        return (
          <View key={key} className={`audit-entry__row${was !== now ? ' audit-entry__row--changed' : ''}`} data-key={key}>
            <Text className="audit-entry__key">{key}</Text>
            <Text className="audit-entry__before">{before ? was : '—'}</Text>
            <Text className="audit-entry__after">{after ? now : '—'}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** One audit entry, loaded by its id (so a link can open it): who, what, on which object, when, and what changed. */
export function AuditEntry({ id, onClose }: { id: string; onClose: () => void }) {
  const entry = useQuery(() => getAuditLog(id), { key: `admin:audit:${id}` });
  return (
    <AdminPanel name="audit-entry" title="操作详情" subtitle={`记录 #${id}`} onClose={onClose}>
      <QueryView query={entry} loadingCards={1}>
        {(data) => (
          <View className="audit-entry">
            <AdminField label="时间" name="time">
              {formatDateTime(data.createdAt)}
            </AdminField>
            <AdminField label="操作人" name="actor">
              {data.actorName ?? (data.actorId ? `#${data.actorId}` : '系统')}
            </AdminField>
            <AdminField label="操作" name="action">
              {actionLabel(data.action)}
              <Text className="audit-entry__code"> {data.action}</Text>
            </AdminField>
            <AdminField label="对象" name="object">
              {entityLabel(data.entityType)}
              {data.entityId ? ` #${data.entityId}` : ''}
            </AdminField>
            <Text className="admin-panel__section">变更内容</Text>
            <Changes entry={data} />
          </View>
        )}
      </QueryView>
    </AdminPanel>
  );
}
