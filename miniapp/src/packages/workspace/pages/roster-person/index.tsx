import { useEffect, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { PARTY_POSTS, PARTY_POST_LABELS, POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, type PartyPost, type PoliticalStatus, type RosterPerson, type UpdateRosterPersonRequest } from '@torch-red/shared';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { getChains } from '@/features/org/api';
import { useMe } from '@/features/profile/hooks/use-me';
import { rosterOrgs } from '@/features/roster/access';
import { getOrgTree, getRosterPerson, updateRosterPerson } from '@/features/roster/api';
import { useQuery } from '@/hooks/use-query';
import { fieldErrorsOf } from '@/services/field-errors';
import './index.scss';

const MOBILE = /^1[3-9][0-9]{9}$/;
const NO_POST = '无';

interface Draft {
  name: string;
  phone: string;
  orgId: string;
  enterpriseId: string | null;
  politicalStatus: PoliticalStatus;
  partyPost: PartyPost | null;
  partyJoinedAt: string | null;
}

const draftOf = (person: RosterPerson): Draft => ({
  name: person.name,
  phone: '',
  orgId: person.orgId ?? '',
  enterpriseId: person.enterpriseId,
  politicalStatus: person.politicalStatus ?? 'MASSES',
  partyPost: person.partyPost,
  partyJoinedAt: person.partyJoinedAt,
});

export default function RosterPersonPage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const me = useMe(signedIn);
  const { params } = useRouter();
  const id = params.id ?? '';
  const person = useQuery(() => getRosterPerson(id), { key: `roster:person:${id}`, enabled: signedIn && id !== '' });
  const tree = useQuery(getOrgTree, { key: 'orgs:tree', enabled: signedIn });
  const chains = useQuery(getChains, { key: 'chains', enabled: signedIn });
  const orgs = tree.data ? rosterOrgs(me.data ?? user, tree.data) : [];
  const enterprises = [...new Map((chains.data ?? []).flatMap((chain) => chain.enterprises).map((e) => [e.id, e.name])).entries()];

  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (person.data && !draft) setDraft(draftOf(person.data));
  }, [person.data, draft]);

  if (!draft || !person.data) {
    return (
      <PageShell className="roster-person-page">
        {person.error ? <ErrorState message={person.error.message} onRetry={() => void person.reload()} /> : <LoadingState cards={3} />}
      </PageShell>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const isMember = draft.politicalStatus === 'FULL_MEMBER' || draft.politicalStatus === 'PROBATIONARY_MEMBER';
  const postOptions = [NO_POST, ...PARTY_POSTS.map((post) => PARTY_POST_LABELS[post])];

  const handleSave = async () => {
    const found: Record<string, string> = {};
    if (!draft.name.trim()) found.name = '请填写姓名';
    if (draft.phone && !MOBILE.test(draft.phone.trim())) found.phone = '请填写 11 位手机号';
    if (!draft.orgId) found.orgId = '请选择所在党组织';
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: UpdateRosterPersonRequest = {
      name: draft.name.trim(),
      ...(draft.phone ? { phone: draft.phone.trim() } : {}),
      orgId: draft.orgId,
      enterpriseId: draft.enterpriseId,
      politicalStatus: draft.politicalStatus,
      partyPost: isMember ? draft.partyPost : null,
      partyJoinedAt: isMember ? draft.partyJoinedAt : null,
    };
    setSaving(true);
    try {
      await updateRosterPerson(id, body);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
    } finally {
      setSaving(false);
    }
  };

  const field = (key: string, label: string, control: JSX.Element, hint?: string) => (
    <View className={`roster-person-page__field${errors[key] ? ' roster-person-page__field--invalid' : ''}`} data-field={key}>
      <View className="roster-person-page__label-row">
        <Text className="roster-person-page__label">{label}</Text>
        {hint ? <Text className="roster-person-page__hint">{hint}</Text> : null}
      </View>
      {control}
      {errors[key] ? <Text className="roster-person-page__error">{errors[key]}</Text> : null}
    </View>
  );

  return (
    <PageShell className="roster-person-page">
      <View className="roster-person-page__header">
        <Text className="roster-person-page__title">编辑人员</Text>
        <Text className="roster-person-page__subtitle">{person.data.bound ? '已登录小程序' : '尚未登录小程序'}{person.data.phone ? ` · ${person.data.phone}` : ''}</Text>
      </View>
      <View className="roster-person-page__form">
        {field('name', '姓名', <Input className="roster-person-page__input" value={draft.name} maxlength={100} onInput={(e) => set('name', e.detail.value)} />)}
        {field(
          'phone',
          '手机号',
          <Input className="roster-person-page__input" type="number" value={draft.phone} maxlength={11} placeholder={person.data.phone ? `不修改请留空（${person.data.phone}）` : '11 位手机号'} onInput={(e) => set('phone', e.detail.value)} />,
        )}
        {field(
          'orgId',
          '所在党组织',
          <Picker mode="selector" range={orgs.map((o) => `${'　'.repeat(o.depth)}${o.name}`)} value={Math.max(0, orgs.findIndex((o) => o.id === draft.orgId))} onChange={(e) => set('orgId', orgs[Number(e.detail.value)]?.id ?? draft.orgId)}>
            <View className="roster-person-page__picker">{orgs.find((o) => o.id === draft.orgId)?.name ?? person.data.orgName ?? '请选择'}</View>
          </Picker>,
        )}
        {field(
          'enterpriseId',
          '所在企业',
          <Picker mode="selector" range={['无', ...enterprises.map(([, name]) => name)]} value={Math.max(0, enterprises.findIndex(([eid]) => eid === draft.enterpriseId) + 1)} onChange={(e) => set('enterpriseId', Number(e.detail.value) === 0 ? null : enterprises[Number(e.detail.value) - 1][0])}>
            <View className="roster-person-page__picker">{enterprises.find(([eid]) => eid === draft.enterpriseId)?.[1] ?? person.data.enterpriseName ?? '无'}</View>
          </Picker>,
        )}
        {field(
          'politicalStatus',
          '政治面貌',
          <View className="roster-person-page__chips">
            {POLITICAL_STATUSES.map((status) => (
              <Text key={status} className={`roster-person-page__chip${draft.politicalStatus === status ? ' roster-person-page__chip--active' : ''}`} onClick={() => set('politicalStatus', status)}>
                {POLITICAL_STATUS_LABELS[status]}
              </Text>
            ))}
          </View>,
        )}
        {isMember
          ? field(
              'partyPost',
              '党内职务',
              <Picker mode="selector" range={postOptions} value={draft.partyPost ? PARTY_POSTS.indexOf(draft.partyPost) + 1 : 0} onChange={(e) => set('partyPost', Number(e.detail.value) === 0 ? null : PARTY_POSTS[Number(e.detail.value) - 1])}>
                <View className="roster-person-page__picker">{draft.partyPost ? PARTY_POST_LABELS[draft.partyPost] : NO_POST}</View>
              </Picker>,
              '书记自动获得本组织书记工作台权限',
            )
          : null}
        {isMember
          ? field(
              'partyJoinedAt',
              '入党日期',
              <Picker mode="date" value={draft.partyJoinedAt ?? '2010-07-01'} start="1921-07-01" onChange={(e) => set('partyJoinedAt', String(e.detail.value))}>
                <View className="roster-person-page__picker">{draft.partyJoinedAt ?? '未填写'}</View>
              </Picker>,
            )
          : null}
        <Button className="roster-person-page__save" type="primary" shape="round" size="large" block loading={saving} disabled={saving} onClick={() => void handleSave()}>
          保存
        </Button>
      </View>
    </PageShell>
  );
}
