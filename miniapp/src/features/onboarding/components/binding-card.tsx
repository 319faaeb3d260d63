import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { BindingStatusResponse } from '@torch-red/shared';
import './binding-card.scss';

interface BindingCardProps {
  status: BindingStatusResponse;
  /** The phone row's action (getPhoneNumber in WeChat, the code page in H5). */
  phoneAction: ReactNode;
  onJoin: () => void;
  onBindCode: () => void;
  onRepresent: () => void;
}

function Action({ label, onClick, primary = false }: { label: string; onClick: () => void; primary?: boolean }) {
  return (
    <View className={primary ? 'binding-card__action binding-card__action--primary' : 'binding-card__action'} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
}

function Row({ label, value, missing, note, children }: { label: string; value: string | null; missing: string; note?: string; children?: ReactNode }) {
  return (
    <View className="binding-card__row">
      <View className="binding-card__text">
        <View className="binding-card__line">
          <Text className="binding-card__label">{label}</Text>
          <Text className={value ? 'binding-card__badge binding-card__badge--done' : 'binding-card__badge'}>{value ? '已绑定' : '未绑定'}</Text>
        </View>
        <Text className={value ? 'binding-card__value' : 'binding-card__value binding-card__value--missing'}>{value ?? missing}</Text>
        {note ? <Text className="binding-card__note">{note}</Text> : null}
      </View>
      {children ? <View className="binding-card__actions">{children}</View> : null}
    </View>
  );
}

/** 我的 → 绑定: what is bound and what is missing, with the one action that fills each gap. */
export function BindingCard({ status, phoneAction, onJoin, onBindCode, onRepresent }: BindingCardProps) {
  const join = status.pendingJoinRequest;
  const representation = status.pendingRepresentation;
  return (
    <View className="binding-card">
      <Row label="党组织" value={status.org?.name ?? null} missing="未加入党组织" note={join ? `已申请加入「${join.orgName}」，等待书记审核` : undefined}>
        {status.org || join ? null : (
          <>
            <Action label="加入党组织" primary onClick={onJoin} />
            <Action label="输入绑定码" onClick={onBindCode} />
          </>
        )}
      </Row>
      <Row
        label="所在企业"
        value={status.enterprise?.name ?? null}
        missing="未关联企业（企业吹哨需先关联）"
        note={representation ? `已申请关联「${representation.enterpriseName}」，等待审核` : undefined}
      >
        {status.enterprise || representation ? null : <Action label="申请关联" primary onClick={onRepresent} />}
      </Row>
      <Row label="手机号" value={status.phone} missing="未绑定手机号">
        {status.phone ? null : phoneAction}
      </Row>
      {status.departments.length > 0 ? (
        <View className="binding-card__row">
          <View className="binding-card__text">
            <Text className="binding-card__label">职能部门</Text>
            <Text className="binding-card__value">{status.departments.map((d) => d.name).join('、')}</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
