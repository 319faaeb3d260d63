import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { POLITICAL_STATUS_LABELS, ROLE_LABELS, type GrantRoleRequest, type Role, type RoleGrantResponse, type UserResponse } from '@torch-red/shared';
import { QueryView } from '@/components/query-view';
import { StatusTag } from '@/components/status-tag';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import { getUser, grantRole, revokeRole } from '../api';
import type { Directory } from '../directory';
import { AdminField, AdminPanel } from './admin-panel';
import { SearchPick } from './search-pick';
import './person-panel.scss';

/** The roles an admin grants here (MEMBER is everyone's), and what each one's scope is. */
const GRANTABLE: ReadonlyArray<{ value: Role; label: string }> = (['SECRETARY', 'COMMITTEE', 'DEPARTMENT', 'INSTRUCTOR', 'ADMIN'] as const).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const scopeOf = (role: Role | undefined): 'org' | 'department' | null => (role === 'SECRETARY' || role === 'COMMITTEE' ? 'org' : role === 'DEPARTMENT' ? 'department' : null);

/** `支部书记 · 明阳风电第一党支部`: a grant with the place it holds for. */
export function grantText(grant: Pick<RoleGrantResponse, 'role' | 'orgId' | 'departmentId'>, directory: Directory): string {
  const place = grant.orgId ? directory.orgName(grant.orgId) : grant.departmentId ? directory.departmentName(grant.departmentId) : undefined;
  return place ? `${ROLE_LABELS[grant.role]} · ${place}` : ROLE_LABELS[grant.role];
}

function GrantForm({ person, directory, onDone }: { person: UserResponse; directory: Directory; onDone: () => Promise<void> }) {
  const [role, setRole] = useState<Role>();
  const [scope, setScope] = useState<string>();
  const [busy, setBusy] = useState(false);
  const kind = scopeOf(role);

  const submit = async () => {
    if (!role) return void Taro.showToast({ title: '请选择角色', icon: 'none' });
    if (kind && !scope) return void Taro.showToast({ title: kind === 'org' ? '请选择组织' : '请选择部门', icon: 'none' });
    const body: GrantRoleRequest = { role, ...(kind === 'org' ? { orgId: scope } : {}), ...(kind === 'department' ? { departmentId: scope } : {}) };
    setBusy(true);
    try {
      await grantRole(person.id, body);
      void Taro.showToast({ title: `已授予${grantText(body, directory)}`, icon: 'none' });
      setRole(undefined);
      setScope(undefined);
      await onDone();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="person-panel__grant">
      <AdminField label="角色" name="role">
        <View className="admin-chips person-panel__roles">
          {GRANTABLE.map((option) => (
            <Text
              key={option.value}
              className={`admin-chip person-panel__role-chip person-panel__role-chip--${option.value}${option.value === role ? ' admin-chip--on' : ''}`}
              onClick={() => {
                setRole(option.value);
                setScope(undefined);
              }}
            >
              {option.label}
            </Text>
          ))}
        </View>
      </AdminField>
      {kind ? (
        <AdminField label={kind === 'org' ? '所辖组织' : '所属部门'} name="scope">
          <SearchPick name="scope" options={kind === 'org' ? directory.orgOptions : directory.departmentOptions} value={scope} placeholder={kind === 'org' ? '输入组织名称查找' : '输入部门名称查找'} onChange={setScope} />
        </AdminField>
      ) : null}
      <View className="admin-panel__buttons">
        <Button className="person-panel__grant-submit" type="primary" shape="round" loading={busy} onClick={() => void submit()}>
          授予角色
        </Button>
      </View>
    </View>
  );
}

/** One person: where they belong, their roles with 撤销, and a form to grant another. */
export function PersonPanel({ id, directory, onClose, onChanged }: { id: string; directory: Directory; onClose: () => void; onChanged: () => void }) {
  const person = useQuery(() => getUser(id), { key: `admin:user:${id}` });
  const reload = async () => {
    await person.reload();
    onChanged();
  };

  const revoke = async (target: UserResponse, grant: RoleGrantResponse) => {
    const { confirm } = await Taro.showModal({ title: '撤销角色', content: `撤销${target.name}的“${grantText(grant, directory)}”？下一次操作起即不再有此权限。`, confirmText: '撤销', confirmColor: '#c8102e' });
    if (!confirm) return;
    try {
      await revokeRole(target.id, grant.id);
      void Taro.showToast({ title: '已撤销', icon: 'none' });
      await reload();
    } catch {
      // Toasted by the HTTP client (e.g. the last admin).
    }
  };

  return (
    <AdminPanel name="person" title={person.data?.name ?? '人员'} subtitle={person.data?.disabled ? '账号已停用' : undefined} onClose={onClose}>
      <QueryView query={person} loadingCards={1}>
        {(p) => (
          <View className="person-panel">
            <AdminField label="手机号" name="phone">{p.phone ?? '未登记'}</AdminField>
            <AdminField label="所在组织" name="org">{directory.orgName(p.orgId) ?? '未加入组织'}</AdminField>
            <AdminField label="所在企业" name="enterprise">{directory.enterpriseName(p.enterpriseId) ?? '—'}</AdminField>
            <AdminField label="政治面貌" name="political">{p.politicalStatus ? POLITICAL_STATUS_LABELS[p.politicalStatus] : '未登记'}</AdminField>
            <Text className="admin-panel__section">角色</Text>
            {p.roles.length === 0 ? <Text className="person-panel__none">普通成员，没有管理角色</Text> : null}
            {p.roles.map((grant) => (
              <View key={grant.id} className="person-panel__role" data-role={grant.role}>
                <Text className="person-panel__role-text">{grantText(grant, directory)}</Text>
                <Button className="person-panel__revoke" size="small" shape="round" fill="outline" type="primary" onClick={() => void revoke(p, grant)}>
                  撤销
                </Button>
              </View>
            ))}
            <Text className="admin-panel__section">授予角色</Text>
            <GrantForm person={p} directory={directory} onDone={reload} />
            <View className="admin-panel__buttons">
              <Button className="person-panel__audit" shape="round" fill="outline" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.adminAudit, { entityType: 'user', entityId: p.id }) })}>
                此人的审计记录
              </Button>
            </View>
          </View>
        )}
      </QueryView>
    </AdminPanel>
  );
}

/** The roles of a row in the list, as small tags. */
export function RoleTags({ roles, directory }: { roles: RoleGrantResponse[]; directory: Directory }) {
  const shown = roles.filter((grant) => grant.role !== 'MEMBER');
  if (shown.length === 0) return <Text className="person-panel__none">—</Text>;
  return (
    <View className="person-panel__tags">
      {shown.map((grant) => (
        <StatusTag key={grant.id} text={grantText(grant, directory)} tone={grant.role === 'ADMIN' ? 'brand' : 'info'} />
      ))}
    </View>
  );
}
