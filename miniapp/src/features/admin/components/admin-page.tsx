import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { useMe } from '@/features/profile/hooks/use-me';
import { ROUTES } from '@/services/routes';
import { isAdmin } from '../access';
import '../desktop';
import './admin-page.scss';

export type AdminScreen = 'home' | 'orgs' | 'people' | 'instructors' | 'talks' | 'brands' | 'lessons' | 'questions' | 'audit';

/** The admin screens in the order the left menu (desktop) and the 概览 list (phone) show them. */
export const ADMIN_SCREENS: ReadonlyArray<{ key: AdminScreen; title: string; icon: string; description: string; route: string }> = [
  { key: 'home', title: '概览', icon: '览', description: '管理后台的各项工作', route: ROUTES.admin },
  { key: 'orgs', title: '组织架构', icon: '组', description: '工委、产业党委、企业党组织与支部；产业链、企业与职能部门', route: ROUTES.adminOrgs },
  { key: 'people', title: '人员与权限', icon: '人', description: '查找人员，授予或撤销书记、党委、部门、指导员与管理员角色', route: ROUTES.adminPeople },
  { key: 'instructors', title: '指导员', icon: '导', description: '为党建指导员分配联系企业，查看走访记录', route: ROUTES.adminInstructors },
  { key: 'talks', title: '企业家月月谈', icon: '谈', description: '新建、编辑、发布场次，报名名单、诉求答复与会议纪要', route: ROUTES.adminTalks },
  { key: 'brands', title: '品牌与示范点', icon: '品', description: '品牌审核，命名年度示范点', route: ROUTES.adminBrands },
  { key: 'lessons', title: '理论学习·课程', icon: '学', description: '编写、预览、发布与撤回课程，管理专栏', route: ROUTES.adminLessons },
  { key: 'questions', title: '理论学习·题库', icon: '题', description: '维护题库、Excel 导入题目、组卷发布专题测试，查看学习异常记录', route: ROUTES.adminQuestions },
  { key: 'audit', title: '审计日志', icon: '审', description: '按人员、操作、对象与日期查看每一次管理操作', route: ROUTES.adminAudit },
];

interface AdminPageProps {
  screen: AdminScreen;
  title: string;
  subtitle?: string;
  /** Buttons at the right of the title (新建 …). */
  actions?: ReactNode;
  /** The screen's content; rendered (and so its data requested) only once the person is known to be an admin. */
  children: () => ReactNode;
}

/** Switching screens replaces the page, so 返回 still leads back to where the 管理后台 was opened from. */
const go = (route: string) => () => void Taro.redirectTo({ url: route });

/**
 * Every 管理后台 page: the admin check first (anyone else sees 无权限 and nothing is requested), then on a desktop
 * browser (≥ 1024 px) a left menu of the screens beside the content, and on a phone the content under a header.
 */
export function AdminPage({ screen, title, subtitle, actions, children }: AdminPageProps) {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const me = useMe(signedIn);
  const who = me.data ?? user;

  let body: ReactNode;
  if (!who) {
    body = me.error ? <ErrorState message={me.error.message} onRetry={() => void me.reload()} /> : <LoadingState cards={2} />;
  } else if (!isAdmin(who)) {
    body = <ErrorState title="无权限" statusCode={403} message="管理后台仅对党工委管理员开放；如需开通，请联系党工委。" />;
  }
  if (body) {
    return (
      <PageShell className="admin-page admin-page--denied">
        <View className="admin-page__state">{body}</View>
      </PageShell>
    );
  }

  return (
    <PageShell className={`admin-page admin-page--${screen}`}>
      <View className="admin-layout">
        <View className="admin-layout__nav">
          <View className="admin-layout__brand">
            <Text className="admin-layout__brand-name">火炬红</Text>
            <Text className="admin-layout__brand-sub">管理后台</Text>
          </View>
          {ADMIN_SCREENS.map((item) => (
            <View
              key={item.key}
              className={`admin-layout__nav-item admin-layout__nav-item--${item.key}${item.key === screen ? ' admin-layout__nav-item--active' : ''}`}
              onClick={item.key === screen ? undefined : go(item.route)}
            >
              <Text className="admin-layout__nav-icon">{item.icon}</Text>
              <Text className="admin-layout__nav-title">{item.title}</Text>
            </View>
          ))}
        </View>
        <View className="admin-layout__main">
          <View className="admin-layout__header">
            <View className="admin-layout__heading">
              <Text className="admin-layout__title">{title}</Text>
              {subtitle ? <Text className="admin-layout__subtitle">{subtitle}</Text> : null}
            </View>
            {actions ? <View className="admin-layout__actions">{actions}</View> : null}
          </View>
          <View className="admin-layout__content">{children()}</View>
        </View>
      </View>
    </PageShell>
  );
}
