import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ASSIGNMENT_STATUS_LABELS, type DepartmentAssignmentItem } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { acceptAssignment, HANDLING_STEPS, takeHandlingStep, type HandlingStep } from '@/features/need/api';
import { getNeedContact, listMyAssignments } from '@/features/need/workspace-api';
import { AssignmentActions, canHandle } from '@/features/need/components/assignment-actions';
import { ContactReveal } from '@/features/need/components/contact-reveal';
import { NeedCard } from '@/features/need/components/need-card';
import { imageSrc } from '@/features/brand/image-src';
import { ASSIGNMENT_STATUS_TONES, overallLabel } from '@/features/need/format';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function NeedsAssignmentsPage() {
  const signedIn = useRequireSession();
  // Reloaded on show: back from a need's detail.
  const items = usePagedList((cursor) => listMyAssignments({ limit: 20, cursor }), { key: 'department:assignments', enabled: signedIn, refreshOnShow: true });
  const [step, setStep] = useState<{ kind: HandlingStep; item: DepartmentAssignmentItem } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const handleAccept = async ({ need, assignment }: DepartmentAssignmentItem) => {
    setBusyId(assignment.id);
    try {
      await acceptAssignment(need.id, assignment.id);
      void Taro.showToast({ title: '已接单，请在时限内办结', icon: 'none' });
      await items.reload();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusyId(null);
    }
  };
  const handleStep = async (text: string) => {
    if (!step) return;
    const { need, assignment } = step.item;
    await takeHandlingStep(step.kind, need.id, assignment.id, text);
    void Taro.showToast({ title: HANDLING_STEPS[step.kind].toast, icon: 'none' });
    await items.reload();
  };

  const renderItems = (list: DepartmentAssignmentItem[]) =>
    list.map((item) => {
      const { need, assignment } = item;
      const busy = busyId === assignment.id;
      return (
        <NeedCard
            key={assignment.id}
            need={need}
            hideStatus
            extra={
              <View className="needs-assignments-page__detail">
                <View className={`needs-assignments-page__deadline${assignment.overdue ? ' needs-assignments-page__deadline--overdue' : ''}`}>
                  <View className="needs-assignments-page__status">
                    <Text>本部门：</Text>
                    <StatusTag text={ASSIGNMENT_STATUS_LABELS[assignment.status]} tone={ASSIGNMENT_STATUS_TONES[assignment.status]} />
                    <Text className="needs-assignments-page__overall"> · 整体：{overallLabel(need.status)}</Text>
                  </View>
                  <Text>
                    时限 {formatDateTime(assignment.deadline)}
                    {assignment.overdue ? ' · 已超期' : ''}
                  </Text>
                </View>
                {item.excerpt ? <Text className="needs-assignments-page__excerpt">{item.excerpt}</Text> : null}
                {item.thumbnails.length > 0 ? (
                  <View className="needs-assignments-page__thumbs">
                    {item.thumbnails.map((image) => (
                      <Image
                        key={image.id}
                        className="needs-assignments-page__thumb"
                        src={imageSrc(image.thumbUrl)}
                        mode="aspectFill"
                        onClick={() => void Taro.previewImage({ current: imageSrc(image.url), urls: item.thumbnails.map((i) => imageSrc(i.url)) })}
                      />
                    ))}
                  </View>
                ) : null}
                {item.dispatchNote ? <Text className="needs-assignments-page__note">派单说明：{item.dispatchNote}</Text> : null}
                <ContactReveal load={() => getNeedContact(need.id, assignment.id)} />
              </View>
            }
            showEnterprise
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.needHandle, { id: need.id }) })}
            actions={
              canHandle(assignment) ? (
                <AssignmentActions assignment={assignment} small busy={busy} onAccept={() => void handleAccept(item)} onStep={(kind) => setStep({ kind, item })} />
              ) : undefined
            }
          />
      );
    });

  // Counted over the pages loaded so far; 「以上」 says there are more to scroll to.
  const pending = items.items.filter((item) => item.assignment.status === 'PENDING').length;
  const dialog = HANDLING_STEPS[step?.kind ?? 'progress'];

  return (
    <PageShell className="needs-assignments-page">
      <View className="needs-assignments-page__header">
        <Text className="needs-assignments-page__title">部门报到</Text>
        <Text className="needs-assignments-page__subtitle">{items.items.length > 0 ? `${items.items.length} 条派单${items.hasMore ? '以上' : ''} · ${pending} 条待接单` : '派给本部门的企业需求'} · 限时办结，企业评价</Text>
      </View>
      <View className="needs-assignments-page__list">
        <PagedList list={items} empty={<EmptyState icon="need" title="暂时没有派给本部门的需求" description="产业链党委派单后会出现在这里，并收到消息提醒" />}>
          {renderItems}
        </PagedList>
      </View>
      <ReasonDialog visible={step !== null} {...dialog} required onConfirm={handleStep} onClose={() => setStep(null)} />
    </PageShell>
  );
}
