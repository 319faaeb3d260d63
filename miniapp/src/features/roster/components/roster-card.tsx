import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { PARTY_POST_LABELS, POLITICAL_STATUS_LABELS, type RosterPerson } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import './roster-card.scss';

const ROLE_LABELS: Record<string, string> = { SECRETARY: '书记', COMMITTEE: '产业党委', DEPARTMENT: '职能部门', INSTRUCTOR: '指导员', ADMIN: '管理员' };

interface RosterCardProps {
  person: RosterPerson;
  onClick: () => void;
  actions?: ReactNode;
}

/** One person on the roster: name, post, status, phone, org, whether they have signed in. */
export function RosterCard({ person, onClick, actions }: RosterCardProps) {
  const roles = [...new Set(person.roles.map((grant) => ROLE_LABELS[grant.role]).filter(Boolean))];
  return (
    <View className="roster-card" data-person={person.name}>
      <View className="roster-card__main" onClick={onClick}>
        <View className="roster-card__top">
          <Text className="roster-card__name">{person.name}</Text>
          {person.partyPost ? <Text className="roster-card__post">{PARTY_POST_LABELS[person.partyPost]}</Text> : null}
          <StatusTag className="roster-card__bound" tone={person.bound ? 'success' : 'muted'} text={person.bound ? '已登录' : '未登录'} />
          {person.disabled ? <StatusTag tone="danger" text="已停用" /> : null}
        </View>
        <Text className="roster-card__meta">
          {[person.politicalStatus ? POLITICAL_STATUS_LABELS[person.politicalStatus] : null, person.phone].filter(Boolean).join(' · ')}
        </Text>
        <Text className="roster-card__org">{[person.orgName, person.enterpriseName].filter(Boolean).join(' · ')}</Text>
        {roles.length ? <Text className="roster-card__roles">权限：{roles.join('、')}</Text> : null}
      </View>
      {actions ? <View className="roster-card__actions">{actions}</View> : null}
    </View>
  );
}
