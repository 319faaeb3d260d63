import { useCallback, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { getActivity } from '@/features/activity/api';
import { formatTimeRange } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getCheckinCode } from '@/features/workspace/api';
import { CheckinPanel } from '@/features/workspace/components/checkin-panel';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

export default function WorkspaceCheckinPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const activity = useQuery(() => getActivity(id), { key: `activity:${id}`, enabled: signedIn && id !== '' });
  // Never cached: a code shown again must be a fresh one.
  const code = useQuery(() => getCheckinCode(id), { enabled: signedIn && id !== '' });
  const reloadCode = code.reload;
  const handleExpire = useCallback(() => void reloadCode(), [reloadCode]);

  // Keep the phone's screen on while the code is shown at the venue (browsers decide for themselves).
  const keepScreenOn = (keepScreenOn: boolean) => {
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.setKeepScreenOn({ keepScreenOn }).catch(() => undefined);
    }
  };
  useDidShow(() => keepScreenOn(true));
  useDidHide(() => keepScreenOn(false));
  useEffect(() => () => keepScreenOn(false), []);

  return (
    <PageShell className="checkin-page">
      <View className="checkin-page__header">
        <Text className="checkin-page__title">{activity.data?.title ?? '现场签到'}</Text>
        {activity.data ? <Text className="checkin-page__meta">{formatTimeRange(activity.data.startAt, activity.data.endAt)} · {activity.data.location}</Text> : null}
      </View>
      <QueryView query={code} loadingCards={1} stateClassName="checkin-page__state">
        {(data) => <CheckinPanel code={data} onExpire={handleExpire} />}
      </QueryView>
      <Text className="checkin-page__tip">请参加者打开「火炬红」小程序，在活动详情页点击「扫码签到」扫描上方二维码；无法扫码时可输入签到码</Text>
    </PageShell>
  );
}
