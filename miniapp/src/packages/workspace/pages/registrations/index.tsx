import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACTIVITY_LIMITS, ATTENDANCE_LABELS, REGISTRATION_STATUS_LABELS, type ActivityDetailResponse, type AttendeeResponse, type RegistrationStatus } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { getActivity } from '@/features/activity/api';
import { formatSeats } from '@/features/activity/format';
import { formatTimeRange } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { approveRegistration, exportRegistrations, listAttendees, rejectRegistration, revealAttendeePhone, setAttendance } from '@/features/workspace/api';
import { AttendeeCard, UNDO_TEXT, type AttendeeAction } from '@/features/workspace/components/attendee-card';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { combineQueries, useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

type Tab = 'ALL' | RegistrationStatus;
const TABS: Tab[] = ['ALL', 'CONFIRMED', 'WAITLISTED', 'PENDING', 'REJECTED', 'CANCELLED'];
const TAB_LABELS: Record<Tab, string> = { ALL: '全部', ...REGISTRATION_STATUS_LABELS, CONFIRMED: '已确认', WAITLISTED: '候补' };

type ReasonTarget = { attendee: AttendeeResponse; action: 'reject' | 'LEAVE' } | null;

export default function WorkspaceRegistrationsPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const activity = useQuery(() => getActivity(id), { key: `activity:${id}`, enabled: signedIn && id !== '' });
  const attendees = useQuery(() => listAttendees(id), { key: `activity:${id}:attendees`, enabled: signedIn && id !== '' });
  const page = combineQueries<[ActivityDetailResponse, AttendeeResponse[]]>(activity, attendees);
  const [tab, setTab] = useState<Tab>('ALL');
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [reasonTarget, setReasonTarget] = useState<ReasonTarget>(null);
  const [phones, setPhones] = useState<Record<string, string>>({});

  const reloadAll = page.reload;
  usePullToRefresh(reloadAll);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await reloadAll();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };

  /** Reveals the full number (audited on the server) and dials it; the number stays shown on the card. */
  const handleCall = async (attendee: AttendeeResponse) => {
    try {
      const phone = phones[attendee.id] ?? (await revealAttendeePhone(id, attendee.id)).phone;
      setPhones((previous) => ({ ...previous, [attendee.id]: phone }));
      await Taro.makePhoneCall({ phoneNumber: phone });
    } catch {
      // Toasted by the HTTP client, or the person closed the dialler.
    }
  };

  const handleAction = (attendee: AttendeeResponse, action: AttendeeAction) => {
    if (action === 'approve') {
      void run(() => approveRegistration(id, attendee.id), '已通过');
    } else if (action === 'reject' || action === 'LEAVE') {
      setReasonTarget({ attendee, action });
    } else {
      void run(() => setAttendance(id, attendee.id, { attendance: action }), action === 'NONE' ? `已${UNDO_TEXT[attendee.attendance]}` : `已标记${ATTENDANCE_LABELS[action]}`);
    }
  };

  const handleReason = async (reason: string) => {
    if (!reasonTarget) {
      return;
    }
    const { attendee, action } = reasonTarget;
    if (action === 'reject') {
      await rejectRegistration(id, attendee.id, { reason: reason || undefined });
      void Taro.showToast({ title: '已驳回', icon: 'success' });
    } else {
      await setAttendance(id, attendee.id, { attendance: 'LEAVE', reason: reason || undefined });
      void Taro.showToast({ title: '已标记请假', icon: 'success' });
    }
    await reloadAll();
  };

  const handleExport = async () => {
    if (!activity.data) {
      return;
    }
    setExporting(true);
    try {
      await exportRegistrations(id, activity.data.title);
      void Taro.showToast({ title: '名单已导出', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setExporting(false);
    }
  };

  const renderPage = ([current, all]: [ActivityDetailResponse, AttendeeResponse[]]) => {
    const counts = Object.fromEntries(TABS.map((key) => [key, key === 'ALL' ? all.length : all.filter((a) => a.status === key).length])) as Record<Tab, number>;
    const shown = tab === 'ALL' ? all : all.filter((attendee) => attendee.status === tab);
    const checkedIn = all.filter((attendee) => attendee.status === 'CONFIRMED' && attendee.attendance === 'CHECKED_IN').length;

    return (
      <>
        <View className="registrations-page__header">
          <Text className="registrations-page__title">{current.title}</Text>
          <Text className="registrations-page__meta">{formatTimeRange(current.startAt, current.endAt)}</Text>
          <View className="registrations-page__stats">
            <Text className="registrations-page__stat">{formatSeats(current)}</Text>
            <Text className="registrations-page__stat">已签到 {checkedIn}</Text>
            {current.waitlistCount > 0 ? <Text className="registrations-page__stat">候补 {current.waitlistCount}</Text> : null}
            {current.pendingCount > 0 ? <Text className="registrations-page__stat">待审核 {current.pendingCount}</Text> : null}
          </View>
          <View className="registrations-page__tools">
            <Button className="registrations-page__export" size="small" shape="round" loading={exporting} onClick={() => void handleExport()}>
              导出名单
            </Button>
            {current.status === 'PUBLISHED' ? (
              <Button
                className="registrations-page__checkin"
                size="small"
                shape="round"
                onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.workspaceCheckin, { id }) })}
              >
                现场签到码
              </Button>
            ) : null}
          </View>
        </View>
        <View className="registrations-page__tabs">
          {TABS.map((key) => (
            <Text key={key} className={`registrations-page__tab${tab === key ? ' registrations-page__tab--active' : ''}`} onClick={() => setTab(key)}>
              {TAB_LABELS[key]} {counts[key]}
            </Text>
          ))}
        </View>
        <View className="registrations-page__list">
          {shown.length === 0 ? (
            <EmptyState icon="people" title={tab === 'ALL' ? '还没有人报名' : `暂无${TAB_LABELS[tab]}的报名`} description={tab === 'ALL' ? '活动发布后，报名的人会出现在这里' : undefined} />
          ) : (
            shown.map((attendee) => <AttendeeCard key={attendee.id} attendee={attendee} formFields={current.formFields} busy={busy} onAction={handleAction} revealedPhone={phones[attendee.id]} onCall={(a) => void handleCall(a)} />)
          )}
        </View>
      </>
    );
  };

  return (
    <PageShell className="registrations-page">
      <QueryView query={page} stateClassName="registrations-page__state">
        {renderPage}
      </QueryView>
      <ReasonDialog
        visible={reasonTarget !== null}
        title={reasonTarget?.action === 'reject' ? `驳回 ${reasonTarget.attendee.name} 的报名` : `为 ${reasonTarget?.attendee.name ?? ''} 登记请假`}
        placeholder={reasonTarget?.action === 'reject' ? '驳回原因（选填），将通知报名者' : '请假原因（选填）'}
        maxLength={ACTIVITY_LIMITS.reasonMaxLength}
        onConfirm={handleReason}
        onClose={() => setReasonTarget(null)}
      />
    </PageShell>
  );
}
