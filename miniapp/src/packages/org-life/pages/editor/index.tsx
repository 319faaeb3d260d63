import { useEffect, useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { MEETING_KINDS, type MeetingDetail, type UserResponse } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { pickAndUploadImage } from '@/features/brand/upload-image';
import { archiveMeeting, correctMeeting, createMeeting, deleteMeeting, getMeeting, listAllMembers, setMeetingAttendees, updateMeeting } from '@/features/org-life/api';
import type { AttendeeCandidate } from '@/features/org-life/components/attendee-picker';
import { MeetingEditor } from '@/features/org-life/components/meeting-editor';
import { draftFromMeeting, emptyMeetingDraft, toAttendees, toCorrectRequest, toMeetingInput, type MeetingDraft } from '@/features/org-life/meeting-draft';
import { combineQueries, useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

/** The org's members, then anyone already on the record who is not (someone who has left keeps their line). */
function candidatesOf(members: UserResponse[], meeting: MeetingDetail | null): AttendeeCandidate[] {
  const people = members.map((member) => ({ userId: member.id, name: member.name }));
  const known = new Set(people.map((person) => person.userId));
  for (const attendee of meeting?.attendees ?? []) {
    if (!known.has(attendee.userId)) people.push({ userId: attendee.userId, name: attendee.name });
  }
  return people;
}

/** Back to the record's page: the one underneath when the editor was opened from it, else in the editor's place. */
function showRecord(id: string): void {
  const pages = Taro.getCurrentPages();
  const below = pages.length > 1 ? pages[pages.length - 2] : undefined;
  if (below?.route?.includes('org-life/pages/detail')) void Taro.navigateBack();
  else void Taro.redirectTo({ url: withQuery(ROUTES.orgLifeDetail, { id }) });
}

/**
 * 新建 / 编辑会议记录 (secretary, drafts only): the form, 保存草稿, 归档 after a confirmation, 删除草稿.
 * `?id=…&mode=correct`: 更正记录, an admin's audited correction of an archived record.
 */
export default function MeetingEditorPage() {
  const signedIn = useRequireSession();
  const { params } = useRouter();
  const id = params.id;
  const correcting = params.mode === 'correct' && id !== undefined;
  const kind = MEETING_KINDS.find((value) => value === params.kind) ?? 'THEME_DAY';
  // Never cached: the form starts from it.
  const existing = useQuery(() => getMeeting(id ?? ''), { enabled: signedIn && id !== undefined });
  const meeting = id === undefined ? { ...existing, data: null } : existing;
  const orgId = existing.data?.orgId ?? params.orgId ?? '';
  const members = useQuery(() => listAllMembers(orgId), { enabled: signedIn && orgId !== '' });
  // The record's id once the first save has created it, so a second save never creates another.
  const savedId = useRef(id);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: correcting ? '更正会议记录' : id ? '编辑会议记录' : '新建会议记录' });
  }, [id, correcting]);

  // An archived record (or one this person may not change) is shown read-only instead; a correction needs canCorrect.
  const mayChange = (current: MeetingDetail) => (correcting ? current.canCorrect : current.canEdit);
  const locked = existing.data !== undefined && !mayChange(existing.data);
  useEffect(() => {
    if (locked && id) void Taro.redirectTo({ url: withQuery(ROUTES.orgLifeDetail, { id }) });
  }, [locked, id]);

  const save = async (draft: MeetingDraft): Promise<MeetingDetail> => {
    const input = toMeetingInput(draft);
    const saved = savedId.current ? await updateMeeting(savedId.current, input) : await createMeeting(orgId, input);
    savedId.current = saved.id;
    return setMeetingAttendees(saved.id, { attendees: toAttendees(draft) });
  };

  const handleSave = async (draft: MeetingDraft) => {
    await save(draft);
    await Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 });
    setTimeout(() => void Taro.navigateBack(), 600);
  };

  const handleArchive = async (draft: MeetingDraft) => {
    const { confirm } = await Taro.showModal({
      title: '归档会议记录',
      content: '归档后记录将只读，不能再修改，并计入本期组织生活。确定归档吗？',
      confirmText: '归档',
      cancelText: '再检查',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    const saved = await save(draft);
    await archiveMeeting(saved.id);
    await Taro.showToast({ title: '已归档', icon: 'success', duration: 1200 });
    setTimeout(() => void Taro.redirectTo({ url: withQuery(ROUTES.orgLifeDetail, { id: saved.id }) }), 600);
  };

  const handleCorrect = async (current: MeetingDetail, draft: MeetingDraft, reason: string) => {
    const { confirm } = await Taro.showModal({
      title: '保存更正',
      content: '更正将记入审计日志，原内容与更正后的内容都会保留。确定保存吗？',
      confirmText: '保存更正',
      cancelText: '再检查',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    await correctMeeting(current.id, toCorrectRequest(draft, reason, current));
    await Taro.showToast({ title: '已更正', icon: 'success', duration: 1200 });
    setTimeout(() => showRecord(current.id), 600);
  };

  const handleDelete = async () => {
    const { confirm } = await Taro.showModal({ title: '删除草稿', content: '删除后这份记录草稿将不再保留，确定删除吗？', confirmText: '删除', cancelText: '不删了', confirmColor: '#c8102e' });
    if (!confirm || !savedId.current) return;
    try {
      await deleteMeeting(savedId.current);
      await Taro.showToast({ title: '草稿已删除', icon: 'none', duration: 1200 });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch {
      // Toasted by the HTTP client.
    }
  };

  return (
    <PageShell className="meeting-editor-page">
      <QueryView query={combineQueries<[MeetingDetail | null, UserResponse[]]>(meeting, members)} stateClassName="meeting-editor-page__state">
        {([current, people]) =>
          current && !mayChange(current) ? null : correcting && current ? (
            <MeetingEditor initial={draftFromMeeting(current)} people={candidatesOf(people, current)} onPickImage={pickAndUploadImage} onCorrect={(draft, reason) => handleCorrect(current, draft, reason)} />
          ) : (
            <MeetingEditor
              initial={current ? draftFromMeeting(current) : emptyMeetingDraft(kind)}
              people={candidatesOf(people, current)}
              onPickImage={pickAndUploadImage}
              onSave={handleSave}
              onArchive={handleArchive}
              onDelete={current ? () => void handleDelete() : undefined}
            />
          )
        }
      </QueryView>
    </PageShell>
  );
}
