import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ADMIN_SCREENS, AdminPage } from '@/features/admin/components/admin-page';
import { DeadlineChecks } from '@/features/admin/components/deadline-checks';
import { MineMenu } from '@/features/profile/components/mine-menu';
import './index.scss';

/** 管理后台 概览: the admin screens, each with what it is for (on a phone this is the way in to them). */
export default function AdminHomePage() {
  const items = ADMIN_SCREENS.filter((screen) => screen.key !== 'home').map((screen) => ({
    key: `admin-${screen.key}`,
    title: screen.title,
    icon: screen.icon,
    description: screen.description,
    onClick: () => void Taro.navigateTo({ url: screen.route }),
  }));
  return (
    <AdminPage screen="home" title="管理后台" subtitle="党工委的日常管理：组织架构、人员与权限、指导员、月月谈、品牌示范点、理论学习与审计日志">
      {() => (
        <View className="admin-home">
          <MineMenu items={items} />
          <DeadlineChecks />
        </View>
      )}
    </AdminPage>
  );
}
