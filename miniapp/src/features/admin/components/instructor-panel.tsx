import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { InstructorSummary } from '@torch-red/shared';
import { QueryView } from '@/components/query-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import { instructorEnterprises, listVisits, setInstructorEnterprises } from '../api';
import { useSave } from '../save';
import { AdminField, AdminPanel } from './admin-panel';
import { Refusal } from './org-panel';
import { SearchPick } from './search-pick';
import type { SelectOption } from './select-box';
import './instructor-panel.scss';

function Visits({ instructorId }: { instructorId: string }) {
  const visits = usePagedList((cursor) => listVisits({ instructorId, limit: 10, cursor }), { key: `admin:visits:${instructorId}` });
  if (visits.items.length === 0) return <Text className="instructor-panel__none">{visits.loading ? '加载中…' : '还没有走访记录'}</Text>;
  return (
    <View className="instructor-panel__visits">
      {visits.items.map((v) => (
        <View key={v.id} className="instructor-panel__visit" data-key={v.id}>
          <Text className="instructor-panel__visit-head">
            {v.visitedOn} · {v.enterpriseName}
          </Text>
          <Text className="instructor-panel__visit-text">见到：{v.peopleMet}</Text>
          <Text className="instructor-panel__visit-text">交流：{v.discussed}</Text>
          {v.problems.length ? <Text className="instructor-panel__visit-text">问题：{v.problems.map((p) => `${p.title}${p.needId ? '（已转需求）' : ''}`).join('；')}</Text> : null}
        </View>
      ))}
      {visits.hasMore ? (
        <Button className="instructor-panel__more" size="small" shape="round" fill="outline" loading={visits.loadingMore} onClick={() => void visits.loadMore()}>
          更多走访
        </Button>
      ) : null}
    </View>
  );
}

/** One instructor: the enterprises they look after (add, remove), and their visits, latest first. */
export function InstructorPanel({ instructor, enterprises, onClose, onChanged }: { instructor: InstructorSummary; enterprises: SelectOption[]; onClose: () => void; onChanged: () => void }) {
  const assigned = useQuery(() => instructorEnterprises(instructor.id), { key: `admin:instructor:${instructor.id}` });
  const [pick, setPick] = useState<string>();
  const save = useSave();
  const ids = (assigned.data ?? []).map((e) => e.enterpriseId);

  const assign = async (next: string[], done: string) => {
    if (await save.run(() => setInstructorEnterprises(instructor.id, next), done)) {
      setPick(undefined);
      await assigned.reload();
      onChanged();
    }
  };
  const remove = async (id: string, name: string) => {
    const { confirm } = await Taro.showModal({ title: '取消分配', content: `不再由${instructor.name}联系“${name}”？走访记录会保留。`, confirmText: '取消分配', confirmColor: '#c8102e' });
    if (confirm) await assign(ids.filter((e) => e !== id), '已取消分配');
  };

  return (
    <AdminPanel name="instructor" title={instructor.name} subtitle="党建指导员" onClose={onClose}>
      <View className="instructor-panel">
        <Text className="admin-panel__section">联系企业</Text>
        <QueryView query={assigned} loadingCards={1}>
          {(items) => (
            <View className="instructor-panel__enterprises">
              {items.length === 0 ? <Text className="instructor-panel__none">还没有分配企业</Text> : null}
              {items.map((e) => (
                <View key={e.enterpriseId} className="instructor-panel__enterprise" data-key={e.enterpriseId}>
                  <View className="instructor-panel__enterprise-text">
                    <Text className="instructor-panel__enterprise-name">{e.enterpriseName}</Text>
                    <Text className="instructor-panel__enterprise-sub">
                      {e.chainName ?? '不在产业链上'} · {e.lastVisitedOn ? `最近走访 ${e.lastVisitedOn}，共 ${e.visitCount} 次` : '尚未走访'}
                    </Text>
                  </View>
                  <Button className="instructor-panel__remove" size="small" shape="round" fill="outline" type="primary" disabled={save.busy} onClick={() => void remove(e.enterpriseId, e.enterpriseName)}>
                    取消分配
                  </Button>
                </View>
              ))}
            </View>
          )}
        </QueryView>
        <AdminField label="分配企业" name="assign">
          <SearchPick name="instructor-enterprise" options={enterprises.filter((e) => !ids.includes(e.value))} value={pick} placeholder="输入企业名称查找" onChange={setPick} />
          <Refusal text={save.error} />
        </AdminField>
        <View className="admin-panel__buttons">
          <Button className="instructor-panel__assign" type="primary" shape="round" loading={save.busy} disabled={!pick || !assigned.data} onClick={() => void (pick && assign([...ids, pick], '已分配'))}>
            分配给{instructor.name}
          </Button>
          <Button className="instructor-panel__audit" shape="round" fill="outline" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.adminAudit, { entityType: 'user', entityId: instructor.id }) })}>
            审计记录
          </Button>
        </View>
        <Text className="admin-panel__section">走访记录</Text>
        <Visits instructorId={instructor.id} />
      </View>
    </AdminPanel>
  );
}
