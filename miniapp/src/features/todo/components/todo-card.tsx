import { Text, View } from '@tarojs/components';
import type { TodoItem, TodoKind } from '@torch-red/shared';
import { ROUTES, withQuery } from '@/services/routes';
import './todo-card.scss';

/** What each kind is called on the card and which list it opens. */
export const TODO_ENTRIES: Record<TodoKind, { label: string; url: string }> = {
  REGISTRATIONS_TO_REVIEW: { label: '待审核报名', url: ROUTES.workspace },
  CHECKINS_TODAY: { label: '今天的活动签到', url: ROUTES.workspace },
  // The 组织生活 calendar of the secretary's branch: each 待开 period there starts a record of its kind.
  MEETINGS_DUE: { label: '本期待开组织生活', url: ROUTES.orgLife },
  NEEDS_TO_DISPATCH: { label: '待派单', url: withQuery(ROUTES.workspaceNeedsLedger, { status: 'SUBMITTED' }) },
  BRANDS_TO_REVIEW: { label: '待审核品牌', url: ROUTES.workspaceBrandReview },
  NEEDS_OVERDUE: { label: '超期需求', url: withQuery(ROUTES.workspaceNeedsLedger, { overdue: 1 }) },
  ASSIGNMENTS_TO_ACCEPT: { label: '待接单', url: ROUTES.workspaceNeedsAssignments },
  ASSIGNMENTS_DUE_SOON: { label: '即将到期', url: ROUTES.workspaceNeedsAssignments },
  ENTERPRISES_TO_VISIT: { label: '待走访企业', url: ROUTES.workspaceNeedsVisits },
};

interface TodoCardProps {
  items: TodoItem[];
  onOpen: (url: string) => void;
}

/** 首页: the role's work, one tile per kind with its count; nothing for a plain member. */
export function TodoCard({ items, onOpen }: TodoCardProps) {
  if (items.length === 0) return null;
  const total = items.reduce((sum, item) => sum + item.count, 0);
  return (
    <View className="todo-card">
      <View className="todo-card__head">
        <Text className="todo-card__title">待办</Text>
        <Text className="todo-card__total">{total > 0 ? `共 ${total} 项` : '暂无待办'}</Text>
      </View>
      <View className="todo-card__grid">
        {items.map((item) => (
          <View key={item.kind} className={`todo-card__item todo-card__item--${item.kind.toLowerCase()}${item.count > 0 ? ' todo-card__item--due' : ''}`} onClick={() => onOpen(TODO_ENTRIES[item.kind].url)}>
            <Text className="todo-card__count">{item.count}</Text>
            <Text className="todo-card__label">{TODO_ENTRIES[item.kind].label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
