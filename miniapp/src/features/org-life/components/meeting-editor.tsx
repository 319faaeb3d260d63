import { useState, type ReactNode } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MEETING_KINDS, MEETING_KIND_LABELS, MEETING_LIMITS, type ImageResponse } from '@torch-red/shared';
import { imageSrc } from '@/features/brand/image-src';
import { DateTimeField } from '@/features/workspace/components/date-time-field';
import { fieldErrorsOf } from '@/services/field-errors';
import { checkMeetingCorrection, checkMeetingDraft, type MeetingDraft } from '../meeting-draft';
import { AttendeePicker, type AttendeeCandidate } from './attendee-picker';
import './meeting-editor.scss';

type TextKey = 'place' | 'hostName' | 'recorderName' | 'topic' | 'agenda' | 'minutes' | 'resolutions';

/** Server field names (MeetingInput, attendees[…]) to the box that shows the message. */
const SERVER_FIELDS: Record<string, string> = { kind: 'kind', startsAt: 'startsAt', endsAt: 'endsAt', place: 'place', hostName: 'people', recorderName: 'people', topic: 'topic', agenda: 'topic', minutes: 'minutes', imageIds: 'minutes', resolutions: 'resolutions', attendees: 'attendees', reason: 'reason' };

/** A secretary's draft: 保存草稿 and 归档. */
interface DraftActions {
  onSave: (draft: MeetingDraft) => Promise<void>;
  /** Saves, then archives (after the page's confirmation). */
  onArchive: (draft: MeetingDraft) => Promise<void>;
  /** Only for a saved draft. */
  onDelete?: () => void;
  onCorrect?: undefined;
}

/** An admin's correction of an archived record: a required 更正说明 and one 保存更正. */
interface CorrectionActions {
  /** Saves the correction (after the page's confirmation). */
  onCorrect: (draft: MeetingDraft, reason: string) => Promise<void>;
  onSave?: undefined;
  onArchive?: undefined;
  onDelete?: undefined;
}

type MeetingEditorProps = {
  initial: MeetingDraft;
  people: AttendeeCandidate[];
  /** Picks and uploads one image; null when the person backs out. */
  onPickImage: () => Promise<ImageResponse | null>;
} & (DraftActions | CorrectionActions);

type Action = 'save' | 'archive' | 'correct';

/**
 * The secretary's record of one meeting: what, when, where, who ran it, who came, the minutes and decisions.
 * With `onCorrect`, the same form corrects an archived record and asks for the reason instead.
 */
export function MeetingEditor({ initial, people, onPickImage, ...actions }: MeetingEditorProps) {
  const [draft, setDraft] = useState<MeetingDraft>(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<Action | null>(null);
  const correcting = actions.onCorrect !== undefined;

  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K], box: string = key) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [box]: _cleared, ...rest }) => rest);
  };

  const perform = (action: Action): Promise<void> => {
    if (actions.onCorrect) return actions.onCorrect(draft, reason);
    return action === 'save' ? actions.onSave(draft) : actions.onArchive(draft);
  };

  const run = async (action: Action) => {
    const problems = action === 'correct' ? checkMeetingCorrection(draft, reason) : checkMeetingDraft(draft, action === 'archive');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(action);
    try {
      await perform(action);
    } catch (error) {
      const mapped: Record<string, string> = {};
      for (const [field, message] of Object.entries(fieldErrorsOf(error) ?? {})) {
        const box = SERVER_FIELDS[field.split(/[.[]/)[0]] ?? 'general';
        mapped[box] ??= message;
      }
      setErrors(mapped);
    } finally {
      setBusy(null);
    }
  };

  const handleAddImage = async () => {
    const image = await onPickImage().catch(() => null);
    if (image) set('images', [...draft.images, image], 'minutes');
  };

  const box = (key: string, label: string, children: ReactNode, required = false, hint?: string) => (
    <View className={`meeting-editor__field${errors[key] ? ' meeting-editor__field--invalid' : ''}`} data-field={key}>
      <View className="meeting-editor__label-row">
        {required ? <Text className="meeting-editor__required">*</Text> : null}
        <Text className="meeting-editor__label">{label}</Text>
        {hint ? <Text className="meeting-editor__hint">{hint}</Text> : null}
      </View>
      {children}
      {errors[key] ? <Text className="meeting-editor__error">{errors[key]}</Text> : null}
    </View>
  );

  const text = (key: TextKey, placeholder: string, maxLength: number, box: string = key) => (
    <Input className={`meeting-editor__input meeting-editor__${key}`} value={draft[key]} maxlength={maxLength} placeholder={placeholder} onInput={(event) => set(key, event.detail.value, box)} />
  );
  const area = (key: TextKey, placeholder: string, box: string = key) => (
    <Textarea
      className={`meeting-editor__textarea meeting-editor__${key}`}
      value={draft[key]}
      maxlength={MEETING_LIMITS.textMaxLength}
      autoHeight
      placeholder={placeholder}
      onInput={(event) => set(key, event.detail.value, box)}
    />
  );

  return (
    <View className={`meeting-editor${correcting ? ' meeting-editor--correcting' : ''}`}>
      {correcting ? <Text className="meeting-editor__banner">这是已归档的记录。更正后原内容与更正内容都会记入审计日志。</Text> : null}
      {box(
        'kind',
        '会议类型',
        <View className="meeting-editor__chips">
          {MEETING_KINDS.map((kind) => (
            <Text key={kind} className={`meeting-editor__chip meeting-editor__kind${draft.kind === kind ? ' meeting-editor__chip--active' : ''}`} onClick={() => set('kind', kind)}>
              {MEETING_KIND_LABELS[kind]}
            </Text>
          ))}
        </View>,
        true,
      )}
      {box(
        'startsAt',
        '开始时间',
        <DateTimeField value={draft.startsAt} onChange={(value) => set('startsAt', value)} />,
        true,
        '按开始时间计入月份、季度',
      )}
      {box('endsAt', '结束时间', <DateTimeField value={draft.endsAt} onChange={(value) => set('endsAt', value)} />)}
      {box(
        'place',
        '地点',
        <>
          <View className="meeting-editor__chips">
            <Text className={`meeting-editor__chip meeting-editor__offline${draft.online ? '' : ' meeting-editor__chip--active'}`} onClick={() => set('online', false, 'place')}>
              线下会场
            </Text>
            <Text className={`meeting-editor__chip meeting-editor__online${draft.online ? ' meeting-editor__chip--active' : ''}`} onClick={() => set('online', true, 'place')}>
              线上
            </Text>
          </View>
          {text('place', draft.online ? '会议平台，如：腾讯会议（选填）' : '如：党员活动室', MEETING_LIMITS.placeMaxLength)}
        </>,
      )}
      {box(
        'people',
        '主持人 / 记录人',
        <View className="meeting-editor__pair">
          {text('hostName', '主持人', MEETING_LIMITS.personNameMaxLength, 'people')}
          {text('recorderName', '记录人', MEETING_LIMITS.personNameMaxLength, 'people')}
        </View>,
      )}
      {box(
        'topic',
        '会议议题',
        <>
          {text('topic', '如：学习贯彻党的二十届四中全会精神', MEETING_LIMITS.topicMaxLength)}
          {area('agenda', '议程（选填）：一、…… 二、……', 'topic')}
        </>,
        true,
      )}
      {box('attendees', '参会人员', <AttendeePicker people={people} marks={draft.marks} onChange={(marks) => set('marks', marks, 'attendees')} />, true)}
      {box(
        'minutes',
        '会议纪要',
        <>
          {area('minutes', '会议的主要内容、发言要点')}
          <View className="meeting-editor__images">
            {draft.images.map((image) => (
              <View key={image.id} className="meeting-editor__thumb">
                <Image className="meeting-editor__thumb-image" src={imageSrc(image.thumbUrl)} mode="aspectFill" />
                <Text className="meeting-editor__thumb-remove" onClick={() => set('images', draft.images.filter((item) => item.id !== image.id), 'minutes')}>
                  ×
                </Text>
              </View>
            ))}
            {draft.images.length < MEETING_LIMITS.maxImages ? (
              <View className="meeting-editor__add-image" onClick={() => void handleAddImage()}>
                <Text className="meeting-editor__add-plus">+</Text>
                <Text className="meeting-editor__add-text">添加照片</Text>
              </View>
            ) : null}
          </View>
        </>,
        false,
        `照片最多 ${MEETING_LIMITS.maxImages} 张`,
      )}
      {box('resolutions', '决议事项', area('resolutions', '会议形成的决议、决定（选填）'))}

      {correcting
        ? box(
            'reason',
            '更正说明',
            <Textarea
              className="meeting-editor__textarea meeting-editor__reason"
              value={reason}
              maxlength={MEETING_LIMITS.reasonMaxLength}
              autoHeight
              placeholder="为什么更正，如：补录漏记的会议纪要"
              onInput={(event) => {
                setReason(event.detail.value);
                setErrors(({ reason: _cleared, ...rest }) => rest);
              }}
            />,
            true,
            '记入审计日志',
          )
        : null}

      {errors.general ? <Text className="meeting-editor__error meeting-editor__error--general">{errors.general}</Text> : null}
      {correcting ? (
        <View className="meeting-editor__actions">
          <Button className="meeting-editor__correct" shape="round" size="large" type="primary" loading={busy === 'correct'} disabled={busy !== null} onClick={() => void run('correct')}>
            保存更正
          </Button>
        </View>
      ) : (
        <>
          <View className="meeting-editor__actions">
            <Button className="meeting-editor__save" shape="round" size="large" fill="outline" type="primary" loading={busy === 'save'} disabled={busy !== null} onClick={() => void run('save')}>
              保存草稿
            </Button>
            <Button className="meeting-editor__archive" shape="round" size="large" type="primary" loading={busy === 'archive'} disabled={busy !== null} onClick={() => void run('archive')}>
              归档
            </Button>
          </View>
          <Text className="meeting-editor__note">归档后记录只读，计入本期组织生活；如需更正请联系管理员</Text>
          {actions.onDelete ? (
            <Text className="meeting-editor__delete" onClick={actions.onDelete}>
              删除草稿
            </Text>
          ) : null}
        </>
      )}
    </View>
  );
}
