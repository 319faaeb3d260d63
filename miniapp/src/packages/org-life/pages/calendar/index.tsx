import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { MEETING_KINDS, MEETING_KIND_LABELS, MEETING_STATUSES, MEETING_STATUS_LABELS, type CalendarPeriod, type CalendarRow, type MeetingKind, type MeetingStatus, type MeetingSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { FilterChips } from '@/features/need/components/filter-chips';
import { OrgPicker } from '@/features/onboarding/components/org-picker';
import { downloadMeetingBook, getMeetingCalendar, listMeetings } from '@/features/org-life/api';
import { MeetingCalendar } from '@/features/org-life/components/meeting-calendar';
import { MeetingCard } from '@/features/org-life/components/meeting-card';
import { useMeetingOrg } from '@/features/org-life/hooks/use-meeting-org';
import { currentYear } from '@/features/org-life/periods';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

const STATUS_OPTIONS = [{ value: undefined, label: '全部记录' }, ...MEETING_STATUSES.map((value) => ({ value, label: MEETING_STATUS_LABELS[value] }))];
const KIND_OPTIONS = [{ value: undefined, label: '全部类型' }, ...MEETING_KINDS.map((value) => ({ value, label: MEETING_KIND_LABELS[value] }))];

/** 组织生活 (secretary): this year's calendar of required meetings, then the branch's records. */
export default function OrgLifeHomePage() {
  const signedIn = useRequireSession();
  const { params } = useRouter();
  const org = useMeetingOrg(signedIn, params.orgId);
  const year = currentYear();
  const orgId = org.orgId ?? '';
  // Back from the editor or a record: the calendar and the list show what changed.
  const calendar = useQuery(() => getMeetingCalendar(orgId, year), { key: `org-life:calendar:${orgId}:${year}`, enabled: signedIn && orgId !== '', refreshOnShow: true });
  const [status, setStatus] = useState<MeetingStatus | undefined>();
  const [kind, setKind] = useState<MeetingKind | undefined>();
  const query = { status, kind };
  const list = usePagedList((cursor) => listMeetings(orgId, { ...query, limit: 20, cursor }), {
    key: `org-life:meetings:${orgId}:${JSON.stringify(query)}`,
    enabled: signedIn && orgId !== '',
    refreshOnShow: true,
  });
  const [downloading, setDownloading] = useState(false);

  const openNew = (preset?: MeetingKind) => void Taro.navigateTo({ url: withQuery(ROUTES.orgLifeNew, { orgId, kind: preset }) });
  const openMeeting = (meeting: Pick<MeetingSummary, 'id' | 'status'>) =>
    void Taro.navigateTo({ url: withQuery(meeting.status === 'DRAFT' ? ROUTES.orgLifeEditor : ROUTES.orgLifeDetail, { id: meeting.id }) });

  // A period with records opens the latest; a period still to hold (or missed) starts a record of that kind.
  const handleCell = (row: CalendarRow, period: CalendarPeriod) => {
    const latest = period.meetingIds[period.meetingIds.length - 1];
    if (latest) void Taro.navigateTo({ url: withQuery(ROUTES.orgLifeDetail, { id: latest }) });
    else if (period.state === 'DUE' || period.state === 'OVERDUE') openNew(row.kind);
  };

  const handleBook = async () => {
    if (!org.orgId) return;
    setDownloading(true);
    try {
      await downloadMeetingBook(org.orgId, org.orgName ?? '本支部', year);
      void Taro.showToast({ title: '台账已下载', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setDownloading(false);
    }
  };

  const dueCount = calendar.data?.rows.flatMap((row) => row.periods).filter((period) => period.state === 'DUE').length ?? 0;
  const overdueCount = calendar.data?.rows.flatMap((row) => row.periods).filter((period) => period.state === 'OVERDUE').length ?? 0;

  return (
    <PageShell className="org-life-page">
      <View className="org-life-page__header">
        <Text className="org-life-page__title">组织生活</Text>
        {org.orgName && org.options.length <= 1 ? <Text className="org-life-page__org">{org.orgName}</Text> : null}
        <Text className="org-life-page__subtitle">
          {calendar.data ? `${year}年 · 本期待开 ${dueCount} 项 · 已逾期 ${overdueCount} 项` : '三会一课、主题党日、组织生活会的记录与按期情况'}
        </Text>
        <View className="org-life-page__tools">
          <Button className="org-life-page__new" shape="round" disabled={!org.orgId} onClick={() => openNew()}>
            新建记录
          </Button>
          <Button className="org-life-page__book" shape="round" fill="outline" disabled={!org.orgId || downloading} onClick={() => void handleBook()}>
            {downloading ? '下载中…' : '年度台账'}
          </Button>
        </View>
      </View>

      <View className="org-life-page__body">
        {org.options.length > 1 ? <OrgPicker options={org.options} value={org.orgId} onChange={org.setOrgId} /> : null}
        {org.ready && !org.orgId ? (
          <EmptyState icon="document" title="没有可记录组织生活的党支部" description="组织生活由党支部书记记录；如有疑问请联系管理员" />
        ) : null}
        {org.orgId ? (
          <>
            <View className="org-life-page__card">
              <Text className="org-life-page__card-title">{year}年按期情况</Text>
              <QueryView query={calendar} loadingCards={1} isEmpty={(data) => data.rows.length === 0} empty={<Text className="org-life-page__none">本支部今年没有必开的会议</Text>}>
                {(data) => <MeetingCalendar calendar={data} onOpen={handleCell} />}
              </QueryView>
            </View>

            <Text className="org-life-page__section">会议记录</Text>
            <View className="org-life-page__filters">
              <FilterChips name="status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
              <FilterChips name="kind" options={KIND_OPTIONS} value={kind} onChange={setKind} />
            </View>
            <PagedList list={list} onRefresh={calendar.reload} empty={<EmptyState icon="document" title="还没有会议记录" description="点击上方「新建记录」，或从已结束的主题党日活动生成记录" />}>
              {(items) => items.map((meeting) => <MeetingCard key={meeting.id} meeting={meeting} onClick={() => openMeeting(meeting)} />)}
            </PagedList>
          </>
        ) : null}
      </View>
    </PageShell>
  );
}
