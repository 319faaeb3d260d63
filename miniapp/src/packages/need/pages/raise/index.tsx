import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RaiseNeedRequest } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { pickAndUploadImage } from '@/features/brand/upload-image';
import { raiseNeed } from '@/features/need/api';
import { NeedForm } from '@/features/need/components/need-form';
import { useMe } from '@/features/profile/hooks/use-me';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function NeedRaisePage() {
  const signedIn = useRequireSession();
  const me = useMe(signedIn);

  const handleSubmit = async (body: RaiseNeedRequest) => {
    const need = await raiseNeed(body);
    await Taro.redirectTo({ url: withQuery(ROUTES.needDetail, { id: need.id, raised: 1 }) });
  };

  return (
    <PageShell className="need-raise-page">
      <View className="need-raise-page__header">
        <Text className="need-raise-page__title">企业吹哨 · 部门报到</Text>
        <Text className="need-raise-page__subtitle">
          {me.data?.enterpriseName ? `以「${me.data.enterpriseName}」的名义提出，` : ''}产业链党委派单，职能部门限时办理，办结后由你评价
        </Text>
      </View>
      <View className="need-raise-page__body">
        <NeedForm onPickImage={pickAndUploadImage} onSubmit={handleSubmit} />
      </View>
    </PageShell>
  );
}
