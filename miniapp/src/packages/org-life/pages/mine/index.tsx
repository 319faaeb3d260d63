import Taro from '@tarojs/taro';
import type { MyMeetingItem } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listMyMeetings } from '@/features/org-life/api';
import { MeetingCard } from '@/features/org-life/components/meeting-card';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

/** 我的组织生活: archived records of my organisation and those I was counted in, each with how I was counted. */
export default function MyMeetingsPage() {
  const signedIn = useRequireSession();
  const list = usePagedList((cursor) => listMyMeetings({ limit: 20, cursor }), { key: 'org-life:mine', enabled: signedIn });

  return (
    <PageShell className="my-meetings-page">
      <PagedList list={list} empty={<EmptyState icon="document" title="还没有组织生活记录" description="支部书记归档会议记录后，你参加的三会一课、主题党日等会显示在这里" />}>
        {(items: MyMeetingItem[]) =>
          items.map((meeting) => (
            <MeetingCard key={meeting.id} meeting={meeting} myStatus={meeting.myStatus} showOrg onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.orgLifeDetail, { id: meeting.id }) })} />
          ))
        }
      </PagedList>
    </PageShell>
  );
}
