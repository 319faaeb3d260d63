import { Text, View } from '@tarojs/components';
import { NEED_CATEGORY_LABELS } from '@torch-red/shared';
import { usePagedList } from '@/hooks/use-paged-list';
import { listVisits } from '../workspace-api';
import { formatDay } from '../workspace-format';
import './visit-history.scss';

/** 走访记录 of one enterprise, newest first, a page at a time (by anyone who visited it). */
export function VisitHistory({ enterpriseId }: { enterpriseId: string }) {
  const visits = usePagedList((cursor) => listVisits({ enterpriseId, limit: 10, cursor }), { key: `visits:${enterpriseId}` });
  if (visits.items.length === 0) {
    return <Text className="visit-history__state">{visits.loading ? '正在读取走访记录…' : visits.error ? '走访记录读取失败，请下拉刷新' : '还没有走访记录'}</Text>;
  }
  return (
    <View className="visit-history">
      {visits.items.map((visit) => (
        <View key={visit.id} className="visit-history__item">
          <Text className="visit-history__when">
            {formatDay(visit.visitedOn)} · {visit.instructorName}
          </Text>
          <Text className="visit-history__line">走访对象：{visit.peopleMet}</Text>
          <Text className="visit-history__line">交流内容：{visit.discussed}</Text>
          {visit.problems.map((problem, index) => (
            <Text key={index} className="visit-history__problem">
              问题（{NEED_CATEGORY_LABELS[problem.category]}）：{problem.title}
              {problem.needId ? ' · 已转需求' : ''}
            </Text>
          ))}
        </View>
      ))}
      {visits.hasMore ? (
        <Text className="visit-history__more" onClick={() => void visits.loadMore()}>
          {visits.loadingMore ? '加载中…' : '查看更早的走访'}
        </Text>
      ) : null}
    </View>
  );
}
