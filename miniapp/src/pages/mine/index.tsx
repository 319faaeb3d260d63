import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSignOut } from '@/features/auth/hooks/use-sign-out';
import { useSession } from '@/features/auth/session';
import { brandOrgIds, canReviewBrands } from '@/features/brand/access';
import { useUnreadCount } from '@/features/notification/hooks/use-unread-count';
import { MineMenu, type MineMenuItem } from '@/features/profile/components/mine-menu';
import { ProfileCard } from '@/features/profile/components/profile-card';
import { useMe } from '@/features/profile/hooks/use-me';
import { BindingCard } from '@/features/onboarding/components/binding-card';
import { PhoneBindButton } from '@/features/onboarding/components/phone-bind-button';
import { useBindingStatus } from '@/features/onboarding/hooks/use-binding-status';
import { rememberMe } from '@/features/onboarding/invalidate';
import { useReloadOnShow } from '@/hooks/use-query';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { canUseWorkspace, workspaceScope } from '@/features/profile/workspace-access';
import { canKeepLedger, canSeeDashboard, isDepartmentHandler, isInstructor } from '@/features/need/access';
import { canSeeStudyParticipation } from '@/features/study/access';
import { canManageRoster } from '@/features/roster/access';
import { canKeepMeetings, canSeeCompliance } from '@/features/org-life/access';
import { ROUTES } from '@/services/routes';
import './index.scss';

export default function MinePage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const me = useMe(signedIn);
  const handleSignOut = useSignOut();
  const unread = useUnreadCount(signedIn);
  const binding = useBindingStatus(signedIn);
  // Back from binding, joining or a workspace decision: show what changed.
  useReloadOnShow(() => Promise.all([me.reload(), binding.reload()]), signedIn);
  const open = (url: string) => () => void Taro.navigateTo({ url });

  const who = me.data ?? user;
  // 吹哨 and 月月谈 诉求 are raised for an enterprise: shown to its people and to secretaries (who raise for theirs).
  const raisesForEnterprise = Boolean(who?.enterpriseId) || (who?.roles.some((grant) => grant.role === 'SECRETARY' || grant.role === 'ADMIN') ?? false);
  const personal: MineMenuItem[] = [
    { key: 'activities', title: '我的活动', icon: '活', description: '报名记录、候补进度与扫码签到', onClick: () => void Taro.navigateTo({ url: ROUTES.myActivities }) },
    { key: 'messages', title: '消息', icon: '信', description: '报名结果、递补与活动提醒', badge: unread, onClick: () => void Taro.navigateTo({ url: ROUTES.notifications }) },
    { key: 'points', title: '我的积分', icon: '分', description: '今日积分、积分明细与学习排行', onClick: () => void Taro.navigateTo({ url: ROUTES.myPoints }) },
  ];
  if (who?.orgId) {
    personal.splice(1, 0, { key: 'meetings', title: '我的组织生活', icon: '会', description: '三会一课、主题党日的出勤与会议纪要', onClick: open(ROUTES.myMeetings) });
  }
  if (raisesForEnterprise) {
    personal.push(
      { key: 'needs', title: '我的需求', icon: '哨', description: '企业吹哨的派单、办理进度与评价', onClick: () => void Taro.navigateTo({ url: ROUTES.myNeeds }) },
      { key: 'appeals', title: '我的诉求', icon: '诉', description: '企业家月月谈中提出的诉求与答复', onClick: () => void Taro.navigateTo({ url: ROUTES.myAppeals }) },
    );
  }
  // The role's work comes first; entries for roles the person does not hold are not shown at all.
  const work: MineMenuItem[] = [];
  if (canUseWorkspace(me.data ?? user)) {
    const scope = workspaceScope(who);
    work.push({ key: 'workspace', title: scope.entry, icon: scope.icon, description: '发布活动、审核报名、现场签到与导出名单', onClick: () => void Taro.navigateTo({ url: ROUTES.workspace }) });
    work.push(
      { key: 'join-requests', title: '入组织审核', icon: '入', description: '凭入组织码提交的申请：通过或说明原因', onClick: open(ROUTES.workspaceJoinRequests) },
      { key: 'join-code', title: '入组织码', icon: '码', description: '生成、展示、更换或停用本组织的入组织二维码', onClick: open(ROUTES.workspaceJoinCode) },
      { key: 'binding-codes', title: '发放绑定码', icon: '绑', description: '为花名册中尚未绑定微信的同志发放一次性绑定码', onClick: open(ROUTES.workspaceBindingCodes) },
      { key: 'representations', title: '企业代表审核', icon: '企', description: '申请作为企业家或企业联络人的同志', onClick: open(ROUTES.workspaceRepresentations) },
    );
  }

  if (canKeepMeetings(me.data ?? user)) {
    work.push({ key: 'org-life', title: '组织生活', icon: '三', description: '三会一课记录、出勤登记与按期情况', onClick: open(ROUTES.orgLife) });
  }
  if (canSeeCompliance(me.data ?? user)) {
    work.push({ key: 'org-life-compliance', title: '组织生活合规', icon: '规', description: '各党支部是否按期开会，逾期优先，可导出', onClick: open(ROUTES.orgLifeCompliance) });
  }

  if (canManageRoster(me.data ?? user)) {
    work.push({ key: 'roster', title: '花名册', icon: '册', description: '导入、查看和维护本组织人员，办理离开', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceRoster }) });
  }

  if (canSeeStudyParticipation(me.data ?? user)) {
    work.push({ key: 'study-participation', title: '支部学习情况', icon: '学', description: '本周谁已学习、谁还没学，便于温馨提醒', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceStudyParticipation }) });
  }
  if (brandOrgIds(me.data ?? user).length > 0) {
    work.push({ key: 'brand', title: '党建品牌', icon: '品', description: '编辑支部品牌与党员先锋岗，提交审核', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceBrand }) });
  }
  if (canReviewBrands(me.data ?? user)) {
    work.push({ key: 'brand-review', title: '品牌审核', icon: '审', description: '审核支部提交的党建品牌', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceBrandReview }) });
  }
  if (canKeepLedger(me.data ?? user)) {
    work.push({ key: 'needs-ledger', title: '需求台账', icon: '台', description: '企业需求派单、直接答复与超期督办', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceNeedsLedger }) });
  }
  if (isDepartmentHandler(me.data ?? user)) {
    work.push({ key: 'needs-assignments', title: '部门报到', icon: '报', description: '派给本部门的需求：接单、进度、办结', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceNeedsAssignments }) });
  }
  if (isInstructor(me.data ?? user)) {
    work.push({ key: 'needs-visits', title: '走访企业', icon: '访', description: '联系企业、走访记录，问题一键转需求', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceNeedsVisits }) });
  }
  if (who?.roles.some((grant) => grant.role === 'ADMIN')) {
    work.push({ key: 'admin', title: '管理后台', icon: '管', description: '人员与权限、月月谈、品牌示范点与审计日志（电脑浏览器可用宽屏）', onClick: open(ROUTES.admin) });
    work.push({ key: 'talk-appeals', title: '月月谈诉求', icon: '谈', description: '答复企业家诉求，或转为需求交部门办理', onClick: open(ROUTES.talkAppeals) });
  }
  if (canSeeDashboard(me.data ?? user)) {
    work.push({ key: 'needs-dashboard', title: '数据看板', icon: '数', description: '各产业链组织、企业、活动与需求办理情况', onClick: () => void Taro.navigateTo({ url: ROUTES.workspaceNeedsDashboard }) });
  }

  usePullToRefresh(me.reload, binding.reload);


  const bindingCard = signedIn && binding.data ? (
    <BindingCard
      status={binding.data}
      phoneAction={
        <PhoneBindButton
          onBound={(result) => {
            rememberMe(result.me);
            void binding.reload();
          }}
          onFallback={open(ROUTES.onboardingBindCode)}
        />
      }
      onJoin={open(ROUTES.onboardingJoin)}
      onBindCode={open(ROUTES.onboardingBindCode)}
      onRepresent={open(ROUTES.onboardingRepresentation)}
    />
  ) : null;

  let content;
  if (me.data) {
    content = <ProfileCard me={me.data} bindings={bindingCard} />;
  } else if (me.error) {
    content = <ErrorState message={me.error.message} onRetry={() => void me.reload()} />;
  } else if (user) {
    content = <ProfileCard me={user} bindings={bindingCard} />;
  } else {
    content = (
      <View className="mine-page__loading">
        <LoadingState cards={2} />
      </View>
    );
  }

  return (
    <PageShell className="mine-page">
      {content}
      {signedIn ? <MineMenu title="我的工作" items={work} /> : null}
      {signedIn ? <MineMenu title={work.length > 0 ? '个人' : undefined} items={personal} /> : null}
      <View className="mine-page__actions">
        <Button className="mine-page__sign-out" block shape="round" size="large" fill="outline" type="primary" onClick={() => void handleSignOut()}>
          退出登录
        </Button>
      </View>
      <Text className="mine-page__footer">火炬红智慧党建平台 · 大庆高新区</Text>
    </PageShell>
  );
}
