import { useState, type ReactNode } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { ACTIVITY_LIMITS, ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, ACTIVITY_VISIBILITIES, ACTIVITY_VISIBILITY_LABELS, type ActivityVisibility } from '@torch-red/shared';
import { fieldErrorsOf } from '@/services/field-errors';
import { checkActivityDraft, type ActivityDraft } from '../activity-draft';
import { DateTimeField } from './date-time-field';
import { FormFieldBuilder } from './form-field-builder';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import './activity-editor.scss';

export interface OrgOption {
  id: string;
  name: string;
}

interface ActivityEditorProps {
  initial: ActivityDraft;
  orgOptions: OrgOption[];
  /** Drafts can be published from here; published activities are only saved. */
  canPublish: boolean;
  /** Orgs are fixed once an activity exists. */
  orgLocked: boolean;
  onSave: (draft: ActivityDraft, publish: boolean) => Promise<void>;
}

function Row({ label, required, error, children, inline = false }: { label: string; required?: boolean; error?: string; children: ReactNode; inline?: boolean }) {
  return (
    <View className={`activity-editor__row${inline ? ' activity-editor__row--inline' : ''}`}>
      <View className="activity-editor__label">
        {required ? <Text className="activity-editor__required">*</Text> : null}
        <Text>{label}</Text>
      </View>
      <View className="activity-editor__control">{children}</View>
      {error ? <Text className="activity-editor__error">{error}</Text> : null}
    </View>
  );
}

/** What each choice means for the secretary (the server's rule: shared ACTIVITY_VISIBILITIES). */
const VISIBILITY_HINTS: Record<ActivityVisibility, string> = {
  ORG: '仅本组织及下级组织的成员可见、可报名',
  CHAIN: '本产业链上各组织的成员可见、可报名',
  PUBLIC: '所有用户可见、可报名',
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="activity-editor__section">
      <Text className="activity-editor__section-title">{title}</Text>
      {children}
    </View>
  );
}

/** Create or edit an activity: every field of the request, and its sign-up form. */
export function ActivityEditor({ initial, orgOptions, canPublish, orgLocked, onSave }: ActivityEditorProps) {
  const [draft, setDraft] = useState<ActivityDraft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<'save' | 'publish' | null>(null);

  const set = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const handleSave = async (publish: boolean) => {
    const problems = checkActivityDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setSaving(publish ? 'publish' : 'save');
    try {
      await onSave(draft, publish);
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
    } finally {
      setSaving(null);
    }
  };

  const orgIndex = Math.max(
    orgOptions.findIndex((org) => org.id === draft.orgId),
    0,
  );
  const formErrors = Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith('formFields')));
  const known = new Set(['orgId', 'title', 'type', 'description', 'location', 'onlineUrl', 'startAt', 'endAt', 'signupEndAt', 'cancelDeadline', 'capacity']);
  const otherErrors = Object.entries(errors).filter(([key]) => !known.has(key) && !key.startsWith('formFields'));

  return (
    <View className="activity-editor">
      <Section title="基本信息">
        <Row label="主办组织" required error={errors.orgId}>
          {orgLocked || orgOptions.length <= 1 ? (
            <Text className="activity-editor__static">{orgOptions[orgIndex]?.name ?? '—'}</Text>
          ) : (
            <Picker mode="selector" range={orgOptions.map((org) => org.name)} value={orgIndex} onChange={(event) => set('orgId', orgOptions[Number(event.detail.value)].id)}>
              <View className="activity-editor__picker">
                <Text>{orgOptions[orgIndex]?.name ?? '请选择组织'}</Text>
                <Text className="activity-editor__caret">›</Text>
              </View>
            </Picker>
          )}
        </Row>
        <Row label="活动标题" required error={errors.title}>
          <Input
            className="activity-editor__input activity-editor__title"
            value={draft.title}
            maxLength={ACTIVITY_LIMITS.titleMaxLength}
            placeholder="如：发展纾难 共谋未来 政企座谈会"
            onChange={(value) => set('title', value)}
          />
        </Row>
        <Row label="活动类型" required error={errors.type}>
          <View className="activity-editor__chips">
            {ACTIVITY_TYPES.map((type) => (
              <Text key={type} className={`activity-editor__chip${draft.type === type ? ' activity-editor__chip--active' : ''}`} onClick={() => set('type', type)}>
                {ACTIVITY_TYPE_LABELS[type]}
              </Text>
            ))}
          </View>
        </Row>
        <Row label="活动介绍" error={errors.description}>
          <TextArea
            className="activity-editor__textarea activity-editor__description"
            value={draft.description}
            maxLength={ACTIVITY_LIMITS.descriptionMaxLength}
            rows={4}
            autoSize
            placeholder="活动内容、议程、参加要求等"
            onChange={(value) => set('description', value)}
          />
        </Row>
      </Section>

      <Section title="时间地点">
        <Row label="开始时间" required error={errors.startAt}>
          <DateTimeField value={draft.startAt} onChange={(value) => set('startAt', value)} />
        </Row>
        <Row label="结束时间" required error={errors.endAt}>
          <DateTimeField value={draft.endAt} onChange={(value) => set('endAt', value)} />
        </Row>
        <Row label="报名截止" required error={errors.signupEndAt}>
          <DateTimeField value={draft.signupEndAt} onChange={(value) => set('signupEndAt', value)} />
        </Row>
        <Row label="设置取消截止" inline>
          <Switch checked={draft.hasCancelDeadline} onChange={(value) => set('hasCancelDeadline', value)} />
        </Row>
        {draft.hasCancelDeadline ? (
          <Row label="取消截止" error={errors.cancelDeadline}>
            <DateTimeField value={draft.cancelDeadline} onChange={(value) => set('cancelDeadline', value)} />
          </Row>
        ) : (
          <Text className="activity-editor__tip">未设置时，活动开始前均可取消报名</Text>
        )}
        <Row label="活动地点" required error={errors.location}>
          <Input
            className="activity-editor__input activity-editor__location"
            value={draft.location}
            maxLength={ACTIVITY_LIMITS.locationMaxLength}
            placeholder="如：新兴产业党群服务中心 3 楼会议室"
            onChange={(value) => set('location', value)}
          />
        </Row>
        <Row label="线上链接" error={errors.onlineUrl}>
          <Input className="activity-editor__input" value={draft.onlineUrl} maxLength={500} placeholder="选填，以 https:// 开头" onChange={(value) => set('onlineUrl', value)} />
        </Row>
      </Section>

      <Section title="名额与规则">
        <Row label="不限名额" inline>
          <Switch checked={draft.unlimited} onChange={(value) => set('unlimited', value)} />
        </Row>
        {!draft.unlimited ? (
          <Row label="名额" required error={errors.capacity}>
            <Input className="activity-editor__input activity-editor__capacity" type="digit" value={draft.capacity} maxLength={6} placeholder="人数" onChange={(value) => set('capacity', value)} />
          </Row>
        ) : null}
        <Row label="满员后可候补" inline>
          <Switch checked={draft.waitlist} onChange={(value) => set('waitlist', value)} />
        </Row>
        <Row label="报名需审核" inline>
          <Switch checked={draft.requiresApproval} onChange={(value) => set('requiresApproval', value)} />
        </Row>
      </Section>

      <Section title="谁可以看到和报名">
        <Row label="可见范围" required error={errors.visibility}>
          <View className="activity-editor__visibility">
            {ACTIVITY_VISIBILITIES.map((visibility) => (
              <Text
                key={visibility}
                className={`activity-editor__visibility-option${draft.visibility === visibility ? ' activity-editor__visibility-option--active' : ''}`}
                data-visibility={visibility}
                onClick={() => set('visibility', visibility)}
              >
                {ACTIVITY_VISIBILITY_LABELS[visibility]}
              </Text>
            ))}
          </View>
          <Text className="activity-editor__hint">{VISIBILITY_HINTS[draft.visibility]}</Text>
        </Row>
      </Section>

      <Section title="报名表">
        <FormFieldBuilder fields={draft.formFields} errors={formErrors} onChange={(fields) => set('formFields', fields)} />
      </Section>

      {otherErrors.map(([key, message]) => (
        <Text key={key} className="activity-editor__error activity-editor__error--general">
          {message}
        </Text>
      ))}

      <View className="activity-editor__actions">
        <Button className="activity-editor__save" shape="round" size="large" fill="outline" type="primary" loading={saving === 'save'} disabled={saving !== null} onClick={() => void handleSave(false)}>
          {canPublish ? '保存草稿' : '保存修改'}
        </Button>
        {canPublish ? (
          <Button className="activity-editor__publish" shape="round" size="large" type="primary" loading={saving === 'publish'} disabled={saving !== null} onClick={() => void handleSave(true)}>
            保存并发布
          </Button>
        ) : null}
      </View>
    </View>
  );
}
