import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { POLITICAL_STATUS_LABELS, ROLE_LABELS, type MeResponse, type Role } from '@torch-red/shared';
import { Avatar } from '@/components/avatar';
import './profile-card.scss';

interface ProfileCardProps {
  me: MeResponse;
  /** What is bound and missing, with actions (我的 → 绑定); replaces the plain 组织 / 企业 / 手机号 rows. */
  bindings?: ReactNode;
}

function uniqueRoles(me: MeResponse): Role[] {
  return Array.from(new Set(me.roles.map((grant) => grant.role)));
}

/**
 * The political status as the profile may say it: a party status is what a branch records, so beside
 * 未加入党组织 it would contradict the row below (staff of the committee, departments, admins); 群众 needs no branch.
 */
function statusLabel(me: MeResponse): string | null {
  if (!me.politicalStatus) return null;
  return me.orgId || me.politicalStatus === 'MASSES' ? POLITICAL_STATUS_LABELS[me.politicalStatus] : null;
}

function DetailRow({ label, value, placeholder }: { label: string; value?: string; placeholder: string }) {
  return (
    <View className="profile-card__row">
      <Text className="profile-card__label">{label}</Text>
      <Text className={value ? 'profile-card__value' : 'profile-card__value profile-card__value--empty'}>{value || placeholder}</Text>
    </View>
  );
}

/** 我的: who the signed-in person is, where they belong and what they may do. */
export function ProfileCard({ me, bindings }: ProfileCardProps) {
  const roles = uniqueRoles(me);
  const status = statusLabel(me);

  return (
    <View className="profile-card">
      <View className="profile-card__hero">
        <Avatar name={me.name} size="large" />
        <View className="profile-card__identity">
          <View className="profile-card__name-row">
            <Text className="profile-card__name">{me.name}</Text>
            {me.isSample ? <Text className="profile-card__sample">示例数据</Text> : null}
          </View>
          {status ? <Text className="profile-card__status">{status}</Text> : null}
        </View>
      </View>

      <View className="profile-card__details">
        {bindings ?? (
          <>
            <DetailRow label="所在组织" value={me.orgName} placeholder="未加入党组织" />
            <DetailRow label="所在企业" value={me.enterpriseName} placeholder="未关联企业" />
            <DetailRow label="手机号码" value={me.phone} placeholder="未绑定" />
          </>
        )}
        <View className="profile-card__row profile-card__row--roles">
          <Text className="profile-card__label">我的身份</Text>
          <View className="profile-card__roles">
            {roles.map((role) => (
              <Text key={role} className={`profile-card__role profile-card__role--${role.toLowerCase()}`}>
                {ROLE_LABELS[role]}
              </Text>
            ))}
          </View>
        </View>
      </View>
    </View>
  );
}
