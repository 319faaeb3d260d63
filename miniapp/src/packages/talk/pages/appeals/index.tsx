import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { REGISTRATION_STATUS_LABELS, type AdminAppealResponse, type AppealStatus } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { FilterChips } from '@/features/need/components/filter-chips';
import { answerAppeal, appealToNeed, listTalkAppeals } from '@/features/talk/admin-api';
import { listTalks } from '@/features/talk/api';
import { AppealCard } from '@/features/talk/components/appeal-card';
import { usePagedList } from '@/hooks/use-paged-list';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

type Answering = { appeal: AdminAppealResponse; status: Extract<AppealStatus, 'ANSWERED' | 'FOLLOW_UP'> } | null;

/**
 * 诉求答复 (admins): the appeals of one 月月谈 session, each with 答复, 持续跟进 and 转为需求 (into the needs ledger,
 * where the committee dispatches it to the 承办部门). Opened from 我的 (pick a session) or a session's detail (?talkId=).
 */
export default function TalkAppealsPage() {
  const { params } = useRouter();
  const signedIn = useRequireSession();
  const talks = useQuery(() => listTalks({ limit: 20 }), { key: 'talks:appeal-picker', enabled: signedIn });
  const [picked, setPicked] = useState<string | undefined>(params.talkId);
  const talkId = picked ?? talks.data?.items[0]?.id;
  const appeals = usePagedList((cursor) => listTalkAppeals(talkId ?? '', { limit: 20, cursor }), { key: `talk:${talkId}:appeals`, enabled: signedIn && talkId !== undefined });
  const [answering, setAnswering] = useState<Answering>(null);
  const [converting, setConverting] = useState<string | null>(null);
  usePullToRefresh(appeals.reload, talks.reload);

  const handleAnswer = async (answer: string) => {
    if (!answering) return;
    await answerAppeal(answering.appeal.id, { answer, status: answering.status });
    void Taro.showToast({ title: answering.status === 'ANSWERED' ? '已答复，企业家可在“我的诉求”查看' : '已记录，持续跟进', icon: 'none' });
    await appeals.reload();
  };

  const handleToNeed = async (appeal: AdminAppealResponse) => {
    const { confirm } = await Taro.showModal({
      title: '转为需求',
      content: `把“${appeal.content.slice(0, 40)}”转入需求台账，由产业链党委派给承办部门办理。每条诉求只能转一次。`,
      confirmText: '转为需求',
      cancelText: '再想想',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    setConverting(appeal.id);
    try {
      const need = await appealToNeed(appeal.id);
      void Taro.showToast({ title: '已转为需求', icon: 'none' });
      void Taro.navigateTo({ url: withQuery(ROUTES.needDetail, { id: need.id }) });
    } catch {
      // Toasted by the HTTP client (e.g. already turned into a need).
    } finally {
      setConverting(null);
    }
  };

  const talkOptions = (talks.data?.items ?? []).map((talk) => ({ value: talk.id, label: talk.theme }));

  return (
    <PageShell className="talk-appeals-page">
      <View className="talk-appeals-page__header">
        <Text className="talk-appeals-page__title">月月谈诉求答复</Text>
        <Text className="talk-appeals-page__subtitle">答复会显示在企业家的“我的诉求”里；需要部门办理的，转为需求后由党委派单</Text>
      </View>
      {talkOptions.length > 1 ? (
        <View className="talk-appeals-page__talks">
          <FilterChips name="talk" options={talkOptions} value={talkId} onChange={(value) => value && setPicked(value)} />
        </View>
      ) : null}
      <View className="talk-appeals-page__list">
        <PagedList list={appeals} loadingCards={2} empty={<EmptyState icon="appeal" title="本期暂无诉求" description="企业家报名时提出的诉求会出现在这里" />}>
          {(items) =>
            items.map((appeal) => (
              <View key={appeal.id} className="talk-appeals-page__item" data-appeal={appeal.id}>
                <AppealCard appeal={appeal} />
                <View className="talk-appeals-page__who">
                  <Text>
                    {appeal.name}
                    {appeal.phone ? ` · ${appeal.phone}` : ''} · 报名{REGISTRATION_STATUS_LABELS[appeal.registrationStatus]}
                  </Text>
                </View>
                <View className="talk-appeals-page__actions">
                  <Button className="talk-appeals-page__to-need" shape="round" fill="outline" type="primary" loading={converting === appeal.id} onClick={() => void handleToNeed(appeal)}>
                    转为需求
                  </Button>
                  <Button className="talk-appeals-page__follow" shape="round" fill="outline" onClick={() => setAnswering({ appeal, status: 'FOLLOW_UP' })}>
                    持续跟进
                  </Button>
                  <Button className="talk-appeals-page__answer" shape="round" type="primary" onClick={() => setAnswering({ appeal, status: 'ANSWERED' })}>
                    {appeal.answer ? '修改答复' : '答复'}
                  </Button>
                </View>
              </View>
            ))
          }
        </PagedList>
      </View>
      <ReasonDialog
        visible={answering !== null}
        title={answering?.status === 'FOLLOW_UP' ? '持续跟进' : '答复诉求'}
        placeholder={answering?.status === 'FOLLOW_UP' ? '写明目前进展和下一步，企业家可见' : '写给企业家的答复，企业家可在“我的诉求”查看'}
        required
        maxLength={2000}
        confirmText={answering?.status === 'FOLLOW_UP' ? '保存' : '答复'}
        onConfirm={handleAnswer}
        onClose={() => setAnswering(null)}
      />
    </PageShell>
  );
}
