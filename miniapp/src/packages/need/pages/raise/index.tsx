import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { RaiseNeedRequest } from '@torch-red/shared';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { pickAndUploadImage } from '@/features/brand/upload-image';
import { raiseNeed } from '@/features/need/workspace-api';
import { NeedForm } from '@/features/need/components/need-form';
import { useMe } from '@/features/profile/hooks/use-me';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function NeedRaisePage() {
  const signedIn = useRequireSession();
  const me = useMe(signedIn);

  // Needs are raised on an enterprise's behalf: its people, or the secretary of its Party organisation.
  const who = me.data;
  const mayRaise = who ? who.enterpriseId !== undefined || who.roles.some((grant) => grant.role === 'SECRETARY' || grant.role === 'ADMIN') : undefined;

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
        {mayRaise === false ? (
          <View className="need-raise-page__requirement">
            <Text className="need-raise-page__requirement-title">请先关联所在企业</Text>
            <Text className="need-raise-page__requirement-text">
              企业吹哨以企业的名义提出。你还没有关联企业：请先申请成为企业家或企业联络人，企业党组织书记或产业链党委审核通过后即可吹哨。
            </Text>
            <Button className="need-raise-page__requirement-action" block shape="round" size="large" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.onboardingRepresentation })}>
              申请关联企业
            </Button>
          </View>
        ) : mayRaise || me.error ? (
          <NeedForm onPickImage={pickAndUploadImage} onSubmit={handleSubmit} />
        ) : (
          <LoadingState cards={2} />
        )}
      </View>
    </PageShell>
  );
}
