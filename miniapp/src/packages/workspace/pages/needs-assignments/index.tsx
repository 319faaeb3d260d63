import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ASSIGNMENT_STATUS_LABELS, type DepartmentAssignmentItem } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { acceptAssignment, getNeedContact, listMyAssignments, noteProgress, resolveAssignment, returnAssignment } from '@/features/need/workspace-api';
import { ContactReveal } from '@/features/need/components/contact-reveal';
import { NeedCard } from '@/features/need/components/need-card';
import { imageSrc } from '@/features/brand/image-src';
import { ASSIGNMENT_STATUS_TONES, overallLabel } from '@/features/need/format';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

type Step = 'return' | 'progress' | 'resolve';

const STEP_DIALOGS: Record<Step, { title: string; placeholder: string; confirmText: string; toast: string }> = {
  return: { title: '退回党委', placeholder: '请说明退回原因（如不属于本部门职责），党委会重新派单', confirmText: '退回', toast: '已退回，党委会重新派单' },
  progress: { title: '记录进展', placeholder: '目前办到哪一步了，企业会在办理进度里看到', confirmText: '记录', toast: '进展已记录' },
  resolve: { title: '办结', placeholder: '办理结果与答复，企业确认后评价', confirmText: '办结', toast: '已办结，待企业评价' },
};

export default function NeedsAssignmentsPage() {
  const signedIn = useRequireSession();
  // Reloaded on show: back from a need's detail.
  const items = usePagedList((cursor) => listMyAssignments({ limit: 20, cursor }), { key: 'department:assignments', enabled: signedIn, refreshOnShow: true });
  const [step, setStep] = useState<{ kind: Step; item: DepartmentAssignmentItem } | null>(null);
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
    if (step.kind === 'return') await returnAssignment(need.id, assignment.id, text);
    if (step.kind === 'progress') await noteProgress(need.id, assignment.id, text);
    if (step.kind === 'resolve') await resolveAssignment(need.id, assignment.id, text);
    void Taro.showToast({ title: STEP_DIALOGS[step.kind].toast, icon: 'none' });
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
              assignment.canReturn || assignment.canAccept || assignment.canProgress || assignment.canResolve ? (
                <>
                  {assignment.canReturn ? (
                    <Button className="needs-assignments-page__return" size="small" shape="round" fill="outline" disabled={busy} onClick={() => setStep({ kind: 'return', item })}>
                      退回
                    </Button>
                  ) : null}
                  {assignment.canAccept ? (
                    <Button className="needs-assignments-page__accept" size="small" shape="round" type="primary" loading={busy} disabled={busy} onClick={() => void handleAccept(item)}>
                      接单
                    </Button>
                  ) : null}
                  {assignment.canProgress ? (
                    <Button className="needs-assignments-page__progress" size="small" shape="round" fill="outline" type="primary" onClick={() => setStep({ kind: 'progress', item })}>
                      记录进展
                    </Button>
                  ) : null}
                  {assignment.canResolve ? (
                    <Button className="needs-assignments-page__resolve" size="small" shape="round" type="primary" onClick={() => setStep({ kind: 'resolve', item })}>
                      办结
                    </Button>
                  ) : null}
                </>
              ) : undefined
            }
          />
      );
    });

  // Counted over the pages loaded so far; 「以上」 says there are more to scroll to.
  const pending = items.items.filter((item) => item.assignment.status === 'PENDING').length;
  const dialog = step ? STEP_DIALOGS[step.kind] : STEP_DIALOGS.progress;

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
      <ReasonDialog
        visible={step !== null}
        title={dialog.title}
        placeholder={dialog.placeholder}
        required
        maxLength={step?.kind === 'resolve' ? 2000 : 1000}
        confirmText={dialog.confirmText}
        onConfirm={handleStep}
        onClose={() => setStep(null)}
      />
    </PageShell>
  );
}
